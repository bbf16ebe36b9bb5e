"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useFormKey } from "./use-form-key";
import { useHydrated } from "./use-hydrated";

type Refusal = { ok: false; values?: Record<string, string>; fieldErrors?: Record<string, string[] | undefined> };
type FormResult = { ok: true } | Refusal;

/**
 * State for a multipart form posted to a server action (so it works without JavaScript)
 * with one file field: with JavaScript, a file over `maxBytes` is stopped before it is
 * sent (`fileTooLarge`, focus on the field), and focus moves to the first field in error
 * when the server answers. `values` and `errors` are what a refused form comes back with.
 */
export function useUploadForm<R extends FormResult>(action: (previous: R | null, formData: FormData) => Promise<R>, file: { field: string; maxBytes: number }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? (result as Refusal) : undefined;
  const formKey = useFormKey(result);
  const enhanced = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const [fileTooLarge, setFileTooLarge] = useState(false);

  useEffect(() => {
    if (!failed) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  const checkFileSize = (event: React.FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem(file.field) as HTMLInputElement | null;
    const tooLarge = (input?.files?.[0]?.size ?? 0) > file.maxBytes;
    setFileTooLarge(tooLarge);
    if (tooLarge) {
      event.preventDefault();
      input?.focus();
    }
  };

  return {
    result,
    failed,
    values: failed?.values ?? {},
    errors: failed?.fieldErrors ?? {},
    fileTooLarge,
    /** For the file input: a new choice clears the size warning. */
    onFileChange: () => setFileTooLarge(false),
    /** Spread onto the <form>. */
    formProps: { key: formKey, ref: form, action: formAction, onSubmit: checkFileSize, noValidate: enhanced },
  };
}
