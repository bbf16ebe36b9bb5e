"use client";

import type { BallotView } from "@/components/elections/ballot-form";

/** What the voter marked, by race and measure, in the ballot's words. */
export type BallotChoiceList = { title: string; choices: string[] }[];

const answerWords: Record<string, string> = { yes: "Yes", no: "No", abstain: "Abstain" };

/** The choices a ballot form holds, for the review step; nothing leaves the browser. */
export function reviewOf(ballot: BallotView, form: FormData): BallotChoiceList {
  return [
    ...ballot.races.map((race) => {
      const marked = new Set(form.getAll(`race-${race.id}`).map(String));
      const writeIns = form.getAll(`race-${race.id}-write-in`).map((value) => String(value).trim()).filter(Boolean);
      return {
        title: race.title,
        choices: [...race.candidates.filter((candidate) => marked.has(String(candidate.id))).map((candidate) => candidate.name), ...writeIns.map((name) => `${name} (write-in)`)],
      };
    }),
    ...ballot.measures.map((measure) => {
      const answer = form.get(`measure-${measure.id}`);
      return { title: measure.title, choices: typeof answer === "string" ? [answerWords[answer] ?? answer] : [] };
    }),
  ];
}

/** The review step: the choices listed before they are cast, with the way back to change them. */
export function BallotReview({ review, onChange }: { review: BallotChoiceList; onChange: () => void }) {
  return (
    <section aria-labelledby="ballot-review" className="rounded-md border border-leaf-700 p-4">
      <h2 id="ballot-review" className="text-xl font-bold text-leaf-900">
        Check your choices
      </h2>
      <dl className="mt-2 space-y-2">
        {review.map((item) => (
          <div key={item.title}>
            <dt className="font-semibold">{item.title}</dt>
            <dd>{item.choices.length ? item.choices.join(", ") : "No choice marked"}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3">
        Once cast, a ballot cannot be changed.{" "}
        <button type="button" onClick={onChange} className="font-semibold text-leaf-800 underline">
          Change my choices
        </button>
      </p>
    </section>
  );
}
