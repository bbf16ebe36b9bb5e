"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useUploadForm } from "@/components/ui/use-upload-form";
import { IMPORT_MAX_BYTES, IMPORT_MAX_LABEL } from "@/lib/model/newsletter-import";
import type { UploadFormResult } from "@/lib/uploads/form-result";
import { importFileMessages } from "@/lib/validations/newsletter-import";

/**
 * Staff upload the CSV of an existing mailing list to the import's upload route, with or
 * without JavaScript (`initial` is a refusal coming back without it); a kept file opens
 * its preview, where nothing is imported until staff press the button.
 */
export function ImportUploadForm({ route, initial = null }: { route: string; initial?: UploadFormResult | null }) {
  const { result, pending, errors, fileTooLarge, onFileChange, formKey, formProps } = useUploadForm(route, { field: "file", maxBytes: IMPORT_MAX_BYTES }, initial);
  return (
    <form key={formKey} {...formProps} className="mt-4 max-w-2xl space-y-5">
      <FormMessage result={result} />
      <Field
        label={`CSV file (up to ${IMPORT_MAX_LABEL})`}
        name="file"
        type="file"
        accept=".csv,text/csv"
        required
        hint="The first row names the columns: email, and if you have them name and lists."
        errors={fileTooLarge ? [importFileMessages.tooLarge] : errors.file}
        onChange={onFileChange}
      />
      <SubmitButton pendingLabel="Reading the file…" busy={pending}>
        Preview the import
      </SubmitButton>
    </form>
  );
}
