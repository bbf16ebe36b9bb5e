/** The steps of the owner application, in order; each owns the fields whose names start with its prefixes. */
export const applicationSteps = [
  { id: "you", title: "You", prefixes: ["applicant."] },
  { id: "household", title: "Household", prefixes: ["household"] },
  { id: "equity", title: "Equity", prefixes: ["planId"] },
  { id: "discounts", title: "Discounts", prefixes: ["flower"] },
  { id: "agreement", title: "Agreement", prefixes: ["agreement."] },
  { id: "review", title: "Review", prefixes: [] },
] as const;

export type ApplicationStepId = (typeof applicationSteps)[number]["id"];

/** The index of the step a field (by its dotted form name) belongs to; -1 for form-level errors. */
export function stepOfField(name: string) {
  return applicationSteps.findIndex((step) => step.prefixes.some((prefix) => name.startsWith(prefix)));
}

/** The first step holding one of these errors, or null when none does. */
export function firstStepWithError(errors: Record<string, unknown>) {
  const steps = Object.keys(errors).map(stepOfField).filter((index) => index >= 0);
  return steps.length ? Math.min(...steps) : null;
}

/** The form values as the application keeps them: one string per field name; ticked boxes are "on". */
export type ApplicationValues = Record<string, string>;
