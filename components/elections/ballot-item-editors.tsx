"use client";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { selectClass } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { arrangeBallotAction, saveCandidateAction, saveMeasureAction, saveRaceAction } from "@/lib/actions/election-drafts";
import { CANDIDATE_NAME_MAX, ELECTION_TITLE_MAX, MEASURE_TEXT_MAX, SEATS_MAX, STATEMENT_MAX } from "@/lib/model/elections";
import { useDraftForm } from "./use-draft-form";

const markdownHint = "Markdown: blank line between paragraphs, “- ” for a list item, **bold**.";

/** A race's settings; without `race.id` it adds a race to the ballot. */
export function RaceEditor({
  electionId,
  race,
  action,
}: {
  electionId: number;
  race?: { id: number; title: string; seats: number; writeIn: boolean; candidateOrder: string };
  action: typeof saveRaceAction;
}) {
  const { result, formAction, key, shown, errors } = useDraftForm(action);
  const typed = result && !result.ok ? result.values : undefined;
  return (
    <form key={key} action={formAction} className="space-y-4">
      <FormMessage result={result} />
      <input type="hidden" name="electionId" value={electionId} />
      {race && <input type="hidden" name="id" value={race.id} />}
      <Field label="Race" name="title" required maxLength={ELECTION_TITLE_MAX} hint="E.g. “Board of directors”." defaultValue={shown("title", race?.title ?? "")} errors={errors("title")} />
      <div className="flex flex-wrap items-end gap-5">
        <Field label="Seats" name="seats" inputMode="numeric" required hint={`How many a voter may mark, 1 to ${SEATS_MAX}.`} defaultValue={shown("seats", race?.seats ?? 1)} errors={errors("seats")} />
        <label className="block">
          <span className="font-semibold">Candidates listed</span>
          <select name="candidateOrder" defaultValue={shown("candidateOrder", race?.candidateOrder ?? "alphabetical")} className={selectClass}>
            <option value="alphabetical">By name</option>
            <option value="shuffled">In a fresh random order on each ballot</option>
          </select>
        </label>
      </div>
      <CheckboxField name="writeIn" label="Voters may write in a name" defaultChecked={typed ? typed.writeIn !== undefined : (race?.writeIn ?? false)} errors={errors("writeIn")} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {race ? "Save race" : "Add race"}
      </SubmitButton>
    </form>
  );
}

/** A candidate's name and statement; without `candidate.id` it adds one to the race. */
export function CandidateEditor({ raceId, candidate, action }: { raceId: number; candidate?: { id: number; name: string; statement: string }; action: typeof saveCandidateAction }) {
  const { result, formAction, key, shown, errors } = useDraftForm(action);
  return (
    <form key={key} action={formAction} className="space-y-3">
      <FormMessage result={result} />
      <input type="hidden" name="raceId" value={raceId} />
      {candidate && <input type="hidden" name="id" value={candidate.id} />}
      <Field label="Candidate’s name" name="name" required maxLength={CANDIDATE_NAME_MAX} defaultValue={shown("name", candidate?.name ?? "")} errors={errors("name")} />
      <Field label="Statement (optional)" name="statement" multiline rows={4} maxLength={STATEMENT_MAX} hint={markdownHint} defaultValue={shown("statement", candidate?.statement ?? "")} errors={errors("statement")} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {candidate ? "Save candidate" : "Add candidate"}
      </SubmitButton>
    </form>
  );
}

/** A measure's title and full text; without `measure.id` it adds one to the ballot. */
export function MeasureEditor({ electionId, measure, action }: { electionId: number; measure?: { id: number; title: string; text: string }; action: typeof saveMeasureAction }) {
  const { result, formAction, key, shown, errors } = useDraftForm(action);
  return (
    <form key={key} action={formAction} className="space-y-3">
      <FormMessage result={result} />
      <input type="hidden" name="electionId" value={electionId} />
      {measure && <input type="hidden" name="id" value={measure.id} />}
      <Field label="Measure" name="title" required maxLength={ELECTION_TITLE_MAX} hint="E.g. “Bylaw amendment: board terms”." defaultValue={shown("title", measure?.title ?? "")} errors={errors("title")} />
      <Field label="Full text" name="text" multiline rows={8} required maxLength={MEASURE_TEXT_MAX} hint={markdownHint} defaultValue={shown("text", measure?.text ?? "")} errors={errors("text")} />
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        {measure ? "Save measure" : "Add measure"}
      </SubmitButton>
    </form>
  );
}

/** Up, down and remove for one race, candidate or measure: one small form per button, so they work without JavaScript. */
export function ArrangeButtons({ kind, id, label, first, last, action }: { kind: "race" | "candidate" | "measure"; id: number; label: string; first: boolean; last: boolean; action: typeof arrangeBallotAction }) {
  const { result, formAction } = useDraftForm(action);
  const changes = [
    ["up", "Move up", first],
    ["down", "Move down", last],
    ["remove", "Remove", false],
  ] as const;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FormMessage result={result?.ok ? null : result} />
      {changes.map(([change, words, hidden]) =>
        hidden ? null : (
          <form key={change} action={formAction}>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="change" value={change} />
            <button type="submit" aria-label={`${words}: ${label}`} className={`rounded-md border px-3 py-1 text-sm font-semibold ${change === "remove" ? "border-red-800 text-red-800" : "border-leaf-800 text-leaf-800"}`}>
              {words}
            </button>
          </form>
        ),
      )}
    </div>
  );
}
