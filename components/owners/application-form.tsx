"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { ButtonLink } from "@/components/ui/button-link";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { submitOwnerApplicationAction } from "@/lib/actions/owner-applications";
import type { EquityPlan } from "@/lib/model/equity";
import { ApplicationReview } from "./application-review";
import { AgreementFields, DiscountFields, EquityFields, HouseholdFields, YouFields, type StepFieldsProps } from "./application-step-fields";
import type { StepErrors as Errors } from "./application-checks";
import { applicationSteps, firstStepWithError, stepOfField } from "./application-steps";
import { StepProgress } from "./step-progress";
import { useApplicationDraft } from "./use-application-draft";

const REVIEW = applicationSteps.length - 1;

// The step checks carry the schema and zod, about three times the rest of the form's code: they
// load when the person starts on the form (a focus inside it) or asks for the next step,
// not with the page, which most visitors only read.
const loadChecks = () => import("./application-checks");

/**
 * The owner application. Prerendered and without JavaScript it is one long form; in the
 * browser it becomes steps with a progress indicator, checked step by step with the same
 * zod schema the server uses, and kept as a draft in this tab until it is sent (see use-application-draft.ts).
 */
export function OwnerApplicationForm({ action, plans }: { action: typeof submitOwnerApplicationAction; plans: EquityPlan[] }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  const [values, setValue] = useApplicationDraft(failed?.values);
  const [errors, setErrors] = useState<Errors>(failed?.fieldErrors ?? {});
  const [step, setStep] = useState(0);
  // Bumped whenever focus should move to the step's heading (a new step, or errors shown).
  const [focusRequest, setFocusRequest] = useState(0);
  const enhanced = useHydrated();
  const heading = useRef<HTMLHeadingElement>(null);
  const planIds = plans.map((plan) => plan.id);

  // A server answer with errors: show them, on the first step that has one.
  const [seenResult, setSeenResult] = useState(result);
  if (seenResult !== result) {
    setSeenResult(result);
    if (failed) {
      setErrors(failed.fieldErrors ?? {});
      setStep(firstStepWithError(failed.fieldErrors ?? {}) ?? REVIEW);
      setFocusRequest(focusRequest + 1);
    }
  }

  // Focus goes to the first field in error, or else to the step's heading, so a screen reader starts where the person must act.
  useEffect(() => {
    if (focusRequest === 0) return;
    const invalid = heading.current?.closest("section")?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? heading.current)?.focus();
  }, [focusRequest]);

  const goTo = (next: number) => {
    setStep(next);
    setFocusRequest((count) => count + 1);
  };
  const next = async () => {
    const { stepErrors } = await loadChecks();
    const found = stepErrors(values, planIds, step);
    setErrors((current) => ({ ...Object.fromEntries(Object.entries(current).filter(([name]) => stepOfField(name) !== step)), ...found }));
    if (Object.keys(found).length === 0) goTo(step + 1);
    else setFocusRequest((count) => count + 1);
  };

  const fieldProps: StepFieldsProps = { values, setValue, errors, enhanced };
  const sections = [
    <YouFields key="you" {...fieldProps} />,
    <HouseholdFields key="household" {...fieldProps} />,
    <EquityFields key="equity" {...fieldProps} plans={plans} />,
    <DiscountFields key="discounts" {...fieldProps} />,
    <AgreementFields key="agreement" {...fieldProps} />,
  ];

  return (
    <form key={formKey} action={formAction} noValidate={enhanced} onFocus={() => void loadChecks()} className="mt-6 space-y-6">
      <FormMessage result={result} />
      {failed?.code === "conflict" && (
        <p>
          <ButtonLink href="/login?callbackUrl=%2Faccount" variant="secondary" prefetch={false}>
            Sign in to see it
          </ButtonLink>
        </p>
      )}
      {enhanced && <StepProgress current={step} onSelect={(index) => index < step && goTo(index)} />}
      {applicationSteps.map((section, index) => {
        const visible = enhanced ? index === step : index < REVIEW;
        return (
          <section key={section.id} hidden={!visible} aria-labelledby={`step-${section.id}`} className="space-y-4">
            <h2 id={`step-${section.id}`} ref={index === step ? heading : undefined} tabIndex={-1} className="text-2xl font-bold text-leaf-900">
              {enhanced && <span className="sr-only">{`Step ${index + 1} of ${applicationSteps.length}: `}</span>}
              {section.title}
            </h2>
            {index < REVIEW ? sections[index] : enhanced && step === REVIEW && <ApplicationReview values={values} plans={plans} goTo={goTo} />}
          </section>
        );
      })}
      <div className="flex flex-wrap gap-3 border-t border-leaf-100 pt-4">
        {enhanced && step > 0 && (
          <button type="button" onClick={() => goTo(step - 1)} className="rounded-md border border-leaf-800 bg-white px-4 py-2 font-semibold text-leaf-800">
            Back
          </button>
        )}
        {enhanced && step < REVIEW ? (
          <button type="button" onClick={() => void next()} className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white hover:bg-leaf-900">
            {step === REVIEW - 1 ? "Review my application" : "Next"}
          </button>
        ) : (
          <SubmitButton pendingLabel="Sending…">Send my application</SubmitButton>
        )}
      </div>
    </form>
  );
}
