import { ownerApplicationFormSchema } from "@/lib/validations/owners";
import { stepOfField } from "./application-steps";

export type StepErrors = Record<string, string[] | undefined>;

/**
 * The schema's errors on one step's fields, keyed by form name: the same zod schema the
 * server action parses the whole application with.
 */
export function stepErrors(values: Record<string, string>, planIds: string[], step: number): StepErrors {
  const result = ownerApplicationFormSchema(planIds).safeParse(values);
  const errors: StepErrors = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const name = issue.path.join(".");
    if (stepOfField(name) === step) (errors[name] ??= []).push(issue.message);
  }
  return errors;
}
