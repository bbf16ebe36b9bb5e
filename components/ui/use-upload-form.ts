"use client";

import { useRouter } from "next/navigation";
import { startTransition, useEffect, useRef, useState, useTransition } from "react";
import type { UploadFormResult } from "@/lib/uploads/form-result";
import { useFormKey } from "./use-form-key";
import { useHydrated } from "./use-hydrated";

const NOT_SENT = "The form could not be sent. Check your connection, then send it again.";

/** The text a form holds, to show again when an answer does not carry it (the route refused before reading the body, or none came). */
function typedValues(data: FormData) {
  const values: Record<string, string> = {};
  for (const [name, value] of data) if (typeof value === "string") values[name] = value;
  return values;
}

async function send(route: string, data: FormData): Promise<UploadFormResult> {
  try {
    const response = await fetch(route, { method: "POST", body: data, headers: { Accept: "application/json" } });
    const answer = (await response.json()) as UploadFormResult;
    return answer.ok ? answer : { ...answer, values: answer.values ?? typedValues(data) };
  } catch {
    return { ok: false, message: NOT_SENT, values: typedValues(data) };
  }
}

/**
 * State for a multipart form posted to an upload route (app/api/…, see
 * lib/uploads/answer-upload-form.ts) with one file field, its last. Without JavaScript
 * the browser posts it, and the route answers with the next page or with the page that
 * shows the form again (`initial`: its errors and what was typed). With JavaScript the
 * form is sent by fetch: a file over `maxBytes` is stopped before it is sent
 * (`fileTooLarge`, focus on the field), a refusal is shown in place with focus on the
 * first field in error, and a taken form goes to the page the route names, or refreshes
 * this one (its lists) under the route's message.
 */
export function useUploadForm(route: string, file: { field: string; maxBytes: number }, initial: UploadFormResult | null = null) {
  const router = useRouter();
  const [result, setResult] = useState<UploadFormResult | null>(initial);
  const [pending, startSending] = useTransition();
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  const enhanced = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const [fileTooLarge, setFileTooLarge] = useState(false);

  useEffect(() => {
    if (!failed) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failed]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem(file.field) as HTMLInputElement | null;
    const tooLarge = (input?.files?.[0]?.size ?? 0) > file.maxBytes;
    setFileTooLarge(tooLarge);
    if (tooLarge) {
      input?.focus();
      return;
    }
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startSending(async () => {
      const answer = await send(route, data);
      if (answer.ok && answer.redirect) {
        router.push(answer.redirect);
        return;
      }
      startTransition(() => {
        setResult(answer);
        if (answer.ok) router.refresh();
      });
    });
  };

  return {
    result,
    failed,
    pending,
    values: failed?.values ?? {},
    errors: failed?.fieldErrors ?? {},
    fileTooLarge,
    /** For the file input: a new choice clears the size warning. */
    onFileChange: () => setFileTooLarge(false),
    /** The <form>'s key: a new one with each answer, so its fields take the answer's values. */
    formKey,
    /** Spread onto the <form>: a plain multipart POST to the route, which the script takes over. */
    formProps: { ref: form, action: route, method: "post", encType: "multipart/form-data", onSubmit, noValidate: enhanced },
  };
}
