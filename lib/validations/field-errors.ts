import type { z } from "zod";

/** A form's validation errors keyed by field name; nested fields by their dotted form name (`evidence.0.grade`). */
export function fieldErrorsOf(error: z.ZodError) {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
