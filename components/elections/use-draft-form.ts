"use client";

import { useActionState } from "react";
import { useFormKey } from "@/components/ui/use-form-key";
import type { ActionResult } from "@/lib/actions/safe-action";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/**
 * A draft form's state: the action's answer, the form's key (a refused form re-mounts
 * showing what was typed), each field's value to show and its errors.
 */
export function useDraftForm<T>(action: FormAction<T>) {
  const [result, formAction] = useActionState(action, null);
  const key = useFormKey(result);
  const failed = result && !result.ok ? result : undefined;
  return {
    result,
    formAction,
    key,
    shown: (name: string, stored: string | number) => failed?.values?.[name] ?? String(stored),
    errors: (name: string) => failed?.fieldErrors?.[name],
  };
}
