"use client";

import { startTransition, useActionState, useState } from "react";
import { BallotReview, reviewOf, type BallotChoiceList } from "@/components/elections/ballot-review";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { castBallotAction } from "@/lib/actions/election-votes";

/** The ballot as one voter sees it: candidates already in this view's order, texts already rendered. */
export type BallotView = {
  races: { id: number; title: string; seats: number; writeIn: boolean; candidates: { id: number; name: string; statement: React.ReactNode }[] }[];
  measures: { id: number; title: string; text: React.ReactNode }[];
};

/** The preview's stand-in for the cast action: it is never called, since the preview's form has no action. */
const castNothing = async (state: Awaited<ReturnType<typeof castBallotAction>> | null) => state;

const answers = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "abstain", label: "Abstain" },
] as const;

/**
 * The ballot form. Without JavaScript it posts straight to the action; with it, the button
 * first shows the choices for review, and only "Cast my ballot" sends them. Once cast, it
 * shows the receipt code (never the choices), also when the page, re-rendered after the
 * cast, says the household has voted.
 */
export function BallotForm({ action, slug, token, ballot, voted, preview }: {
  action?: typeof castBallotAction;
  slug: string;
  token?: string;
  ballot: BallotView | null;
  voted: string | null;
  /** Staff see the ballot as voters will, review step included; the form has no action, so nothing can be cast from it. */
  preview?: boolean;
}) {
  const [result, formAction, pending] = useActionState(action ?? castNothing, null);
  const [review, setReview] = useState<BallotChoiceList | null>(null);
  const hydrated = useHydrated();

  if (result?.ok) {
    return (
      <section role="status" className="mt-6 max-w-prose rounded-md border border-leaf-700 bg-leaf-50 px-4 py-4">
        <h2 className="text-xl font-bold text-leaf-900">Your ballot is cast</h2>
        <p className="mt-2">Your receipt code:</p>
        <p className="mt-1 font-mono text-2xl font-bold tracking-wider" data-receipt-code>
          {result.data.receiptCode}
        </p>
        <p className="mt-2">
          We also emailed it to you. Once the results are certified, the election’s page lists every code counted, so you can check that
          yours is there. The code shows that your ballot was counted, never how you voted.
        </p>
      </section>
    );
  }
  if (voted || !ballot) return <p className="mt-6 max-w-prose rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3">{voted}</p>;

  const errors = (field: string) => (result && !result.ok ? result.fieldErrors?.[field] : undefined);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!review) return setReview(reviewOf(ballot!, form));
    if (preview) return;
    // Sent by hand rather than through the form's action, so that React keeps the marks should the ballot be refused.
    startTransition(() => {
      setReview(null);
      formAction(form);
    });
  }

  return (
    <form action={preview ? undefined : formAction} onSubmit={onSubmit} className="mt-6 space-y-8">
      <FormMessage result={result} />
      <input type="hidden" name="slug" value={slug} />
      {token && <input type="hidden" name="token" value={token} />}
      {ballot.races.map((race) => (
        <fieldset key={race.id} hidden={review !== null} aria-describedby={errors(`race-${race.id}`) ? `race-${race.id}-error` : undefined} className="rounded-md border border-gray-300 p-4">
          <legend className="px-1 text-xl font-bold text-leaf-900">
            {race.title}: vote for up to {race.seats}
          </legend>
          {errors(`race-${race.id}`) && <p id={`race-${race.id}-error`} className="mb-2 font-semibold text-red-800">{errors(`race-${race.id}`)!.join(" ")}</p>}
          <ul className="space-y-4">
            {race.candidates.map((candidate) => (
              <li key={candidate.id}>
                <label className="flex items-center gap-2 font-semibold">
                  <input type="checkbox" name={`race-${race.id}`} value={candidate.id} className="size-5" />
                  {candidate.name}
                </label>
                {candidate.statement && <div className="mt-1 ml-7 text-sm">{candidate.statement}</div>}
              </li>
            ))}
          </ul>
          {race.writeIn &&
            Array.from({ length: race.seats }, (_, index) => (
              <label key={index} className="mt-3 block">
                <span className="font-semibold">{race.seats > 1 ? `Write-in ${index + 1}` : "Write-in"} (optional)</span>
                <input name={`race-${race.id}-write-in`} maxLength={120} className="mt-1 block w-full max-w-md rounded-md border border-gray-400 px-3 py-2" />
              </label>
            ))}
        </fieldset>
      ))}
      {ballot.measures.map((measure) => (
        <fieldset key={measure.id} hidden={review !== null} aria-describedby={errors(`measure-${measure.id}`) ? `measure-${measure.id}-error` : undefined} className="rounded-md border border-gray-300 p-4">
          <legend className="px-1 text-xl font-bold text-leaf-900">{measure.title}</legend>
          {errors(`measure-${measure.id}`) && <p id={`measure-${measure.id}-error`} className="mb-2 font-semibold text-red-800">{errors(`measure-${measure.id}`)!.join(" ")}</p>}
          <div className="text-sm">{measure.text}</div>
          <div className="mt-3 flex gap-6">
            {answers.map((answer) => (
              <label key={answer.value} className="flex items-center gap-2 font-semibold">
                <input type="radio" name={`measure-${measure.id}`} value={answer.value} className="size-5" />
                {answer.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {review && <BallotReview review={review} onChange={() => setReview(null)} />}
      {preview && (!hydrated || review) ? (
        <p className="flex flex-wrap items-center gap-3">
          <button type="button" disabled className="rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white opacity-70">
            Cast my ballot
          </button>
          <span>This is a preview: nothing can be cast from it.</span>
        </p>
      ) : (
        <SubmitButton busy={pending} pendingLabel="Casting your ballot…">
          {hydrated && !review ? "Review my choices" : "Cast my ballot"}
        </SubmitButton>
      )}
    </form>
  );
}
