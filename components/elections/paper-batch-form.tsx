"use client";

import { useActionState, useId } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { recordPaperBatchAction } from "@/lib/actions/election-running";
import { PAPER_WRITE_IN_ROWS, paperFieldNames as names } from "@/lib/model/election-running";
import { measureAnswers } from "@/lib/model/elections";

type Ballot = {
  races: { id: number; title: string; seats: number; writeIn: boolean; candidates: { id: number; name: string }[] }[];
  measures: { id: number; title: string }[];
};

const answerLabels = { yes: "Yes", no: "No", abstain: "Abstain" } as const;
const countProps = { type: "text", inputMode: "numeric", pattern: "[0-9]*", maxLength: 9, className: "w-32" } as const;

/** A group's own error (a race's marks or a measure's answers add up wrong), tied to its fieldset. */
function GroupError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-semibold text-red-800">
      {errors.join(" ")}
    </p>
  );
}

/**
 * One counted batch of paper ballots: how many ballots, then each race's marks per
 * candidate and write-in name, and each measure's answers. Blank counts as 0. Works
 * without JavaScript; a refusal is shown at the field or group that is wrong.
 */
export function PaperBatchForm({ electionId, ballot, action }: { electionId: number; ballot: Ballot; action: typeof recordPaperBatchAction }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const idBase = useId();
  const errors = (name: string) => failed?.fieldErrors?.[name];
  const value = (name: string) => failed?.values?.[name] ?? "";
  const count = (name: string, label: string) => <Field key={name} label={label} name={name} defaultValue={value(name)} errors={errors(name)} {...countProps} />;
  return (
    <form key={key} action={formAction} className="mt-4 max-w-3xl space-y-6">
      <FormMessage result={result} />
      <input type="hidden" name="electionId" value={electionId} />
      <Field label="Paper ballots in this batch" name="ballots" required defaultValue={value("ballots")} errors={errors("ballots")} {...countProps} />
      {ballot.races.map((race) => {
        const errorId = `${idBase}-race-${race.id}-error`;
        return (
          <fieldset key={race.id} aria-describedby={errors(names.race(race.id)) ? errorId : undefined} className="rounded-lg border border-leaf-100 bg-white p-4">
            <legend className="px-1 text-lg font-bold text-leaf-900">
              {race.title} (up to {race.seats} per ballot)
            </legend>
            <GroupError id={errorId} errors={errors(names.race(race.id))} />
            <div className="mt-2 grid gap-4 sm:grid-cols-2">{race.candidates.map((candidate) => count(names.candidate(race.id, candidate.id), `Marks for ${candidate.name}`))}</div>
            {race.writeIn &&
              Array.from({ length: PAPER_WRITE_IN_ROWS }, (_, row) => (
                <div key={row} className="mt-4 grid gap-4 sm:grid-cols-2">
                  <Field label={`Write-in name ${row + 1}`} name={names.writeInName(race.id, row)} maxLength={120} defaultValue={value(names.writeInName(race.id, row))} errors={errors(names.writeInName(race.id, row))} />
                  {count(names.writeInVotes(race.id, row), `Marks for write-in name ${row + 1}`)}
                </div>
              ))}
          </fieldset>
        );
      })}
      {ballot.measures.map((measure) => {
        const errorId = `${idBase}-measure-${measure.id}-error`;
        return (
          <fieldset key={measure.id} aria-describedby={errors(names.measure(measure.id)) ? errorId : undefined} className="rounded-lg border border-leaf-100 bg-white p-4">
            <legend className="px-1 text-lg font-bold text-leaf-900">{measure.title}</legend>
            <GroupError id={errorId} errors={errors(names.measure(measure.id))} />
            <div className="mt-2 grid gap-4 sm:grid-cols-3">{measureAnswers.map((answer) => count(names.answer(measure.id, answer), answerLabels[answer]))}</div>
          </fieldset>
        );
      })}
      <SubmitButton pendingLabel="Entering…">Enter this batch</SubmitButton>
    </form>
  );
}
