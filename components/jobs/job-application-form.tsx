"use client";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useUploadForm } from "@/components/ui/use-upload-form";
import { RESUME_MAX_BYTES, resumeContentTypes } from "@/lib/model/jobs";
import type { UploadFormResult } from "@/lib/uploads/form-result";
import { RESUME_MAX_LABEL, resumeTooLargeMessage } from "@/lib/validations/resume-messages";

const acceptedFiles = [".pdf", ".doc", ".docx", ...Object.keys(resumeContentTypes)].join(",");

const FILE_NOT_KEPT = "Choose your file again: a browser does not keep a chosen file when the form comes back.";

/**
 * The job application: a plain multipart form posted to the posting's upload route
 * (`route`), so it works without JavaScript; `initial` is a refused form coming back. The
 * file field is the form's last: a body stopped at its cap still carries every typed
 * field. With JavaScript, a file over the size limit is caught before it is sent, and
 * focus moves to the first field in error when the server answers.
 */
export function JobApplicationForm({ route, initial = null }: { route: string; initial?: UploadFormResult | null }) {
  const { result, failed, pending, values, errors, fileTooLarge, onFileChange, formKey, formProps } = useUploadForm(route, { field: "resume", maxBytes: RESUME_MAX_BYTES }, initial);
  const resumeErrors = fileTooLarge ? [resumeTooLargeMessage] : errors.resume;

  return (
    <form key={formKey} {...formProps} className="mt-6 space-y-6">
      <FormMessage result={result} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Full name" name="name" autoComplete="name" required maxLength={120} className="sm:col-span-2" defaultValue={values.name} errors={errors.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required maxLength={254} hint="We write to you here." defaultValue={values.email} errors={errors.email} />
        <Field label="Phone" name="phone" type="tel" autoComplete="tel" required maxLength={30} hint="With area code, e.g. 585-555-0134." defaultValue={values.phone} errors={errors.phone} />
        <Field
          label="Availability"
          name="availability"
          multiline
          rows={2}
          required
          maxLength={500}
          className="sm:col-span-2"
          hint="The days and hours you can work, and when you could start."
          defaultValue={values.availability}
          errors={errors.availability}
        />
      </div>
      <CheckboxField name="isOwner" label="I am an owner of the co-op" defaultChecked={values.isOwner === "on"} errors={errors.isOwner} />
      <Field
        label="Cover letter (optional)"
        name="coverLetter"
        multiline
        rows={8}
        maxLength={10_000}
        hint="Tell us why you would like this job, and anything your résumé does not say."
        defaultValue={values.coverLetter}
        errors={errors.coverLetter}
      />
      <fieldset className="space-y-4 rounded-md border border-leaf-100 bg-white p-4">
        <legend className="px-1 font-semibold">Your résumé</legend>
        <p className="max-w-prose">Paste it as text, or attach it as a file: one of the two is needed.</p>
        <Field
          label="Paste your résumé as text"
          name="resumeText"
          multiline
          rows={10}
          maxLength={20_000}
          defaultValue={values.resumeText}
          errors={errors.resumeText}
        />
        <Field
          label={`Résumé file (PDF or Word, up to ${RESUME_MAX_LABEL})`}
          name="resume"
          type="file"
          accept={acceptedFiles}
          hint={failed ? FILE_NOT_KEPT : "A PDF, or a Word document (.docx or .doc)."}
          errors={resumeErrors}
          onChange={onFileChange}
        />
      </fieldset>
      <div className="border-t border-leaf-100 pt-4">
        <SubmitButton pendingLabel="Sending…" busy={pending}>
          Send my application
        </SubmitButton>
      </div>
    </form>
  );
}
