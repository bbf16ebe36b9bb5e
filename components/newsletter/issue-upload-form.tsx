"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useUploadForm } from "@/components/ui/use-upload-form";
import { ISSUE_PDF_MAX_BYTES } from "@/lib/model/newsletter";
import type { UploadFormResult } from "@/lib/uploads/form-result";
import { ISSUE_PDF_MAX_LABEL, issuePdfTooLargeMessage } from "@/lib/validations/newsletter-issues";

/**
 * Staff upload an issue: a multipart form posted to the issues' upload route (`route`),
 * with or without JavaScript; `initial` is the route's answer coming back to this page
 * without JavaScript. With JavaScript a PDF over the size limit is caught before it is
 * sent; the server checks size and content again, and a refused form comes back with what
 * was typed (the file must be chosen again: browsers do not keep it).
 */
export function IssueUploadForm({ route, today, initial = null }: { route: string; today: string; initial?: UploadFormResult | null }) {
  const { result, failed, pending, values, errors, fileTooLarge, onFileChange, formKey, formProps } = useUploadForm(route, { field: "pdf", maxBytes: ISSUE_PDF_MAX_BYTES }, initial);

  return (
    <form key={formKey} {...formProps} className="mt-4 max-w-2xl space-y-5">
      <FormMessage result={result} />
      <Field label="Title" name="title" required maxLength={120} hint="E.g. “Winter 2026: the root cellar issue”." defaultValue={values.title} errors={errors.title} />
      <Field label="Date of the issue" name="issuedOn" type="date" required defaultValue={values.issuedOn ?? today} errors={errors.issuedOn} />
      <Field label="Summary (optional)" name="summary" multiline rows={3} maxLength={1000} hint="A sentence or two on what is inside: it shows on the list and in the feed." defaultValue={values.summary} errors={errors.summary} />
      <Field
        label={`PDF file (up to ${ISSUE_PDF_MAX_LABEL})`}
        name="pdf"
        type="file"
        accept=".pdf,application/pdf"
        required
        hint={failed ? "Choose the file again: a browser does not keep a chosen file when the form comes back." : undefined}
        errors={fileTooLarge ? [issuePdfTooLargeMessage] : errors.pdf}
        onChange={onFileChange}
      />
      <SubmitButton pendingLabel="Uploading…" busy={pending}>
        Publish the issue
      </SubmitButton>
    </form>
  );
}
