import type { arrangeBallotAction, saveCandidateAction, saveMeasureAction, saveRaceAction } from "@/lib/actions/election-drafts";
import { CANDIDATES_MAX, MEASURES_MAX, RACES_MAX } from "@/lib/model/elections";
import { ArrangeButtons, CandidateEditor, MeasureEditor, RaceEditor } from "./ballot-item-editors";

type Ballot = {
  races: { id: number; title: string; seats: number; writeIn: boolean; candidateOrder: string; candidates: { id: number; name: string; statement: string }[] }[];
  measures: { id: number; title: string; text: string }[];
};

type Actions = { saveRace: typeof saveRaceAction; saveCandidate: typeof saveCandidateAction; saveMeasure: typeof saveMeasureAction; arrange: typeof arrangeBallotAction };

const box = "rounded-lg border border-leaf-100 bg-white p-5";
const summary = "cursor-pointer font-semibold text-leaf-800";

/**
 * A draft's ballot for admins to write: each race with its candidates, then the measures,
 * each with its own small forms (edit, move, remove) and a form to add one more. Candidates
 * are shown in the order they were entered; a race set to list them by name or shuffled
 * shows voters that order instead (see the preview).
 */
export function DraftBallot({ electionId, ballot, actions }: { electionId: number; ballot: Ballot; actions: Actions }) {
  return (
    <section aria-labelledby="ballot-heading" className="mt-10 max-w-3xl">
      <h2 id="ballot-heading" className="text-2xl font-bold text-leaf-900">
        Ballot
      </h2>
      {ballot.races.length === 0 && ballot.measures.length === 0 && (
        <p className="mt-2">
          The ballot is empty. Add a race or a measure: the election opens by itself at its opening time once its ballot has something to vote on.
        </p>
      )}
      {ballot.races.map((race, index) => (
        <section key={race.id} aria-labelledby={`race-${race.id}`} className={`mt-6 ${box}`}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h3 id={`race-${race.id}`} className="text-xl font-bold text-leaf-900">
              {race.title}: vote for up to {race.seats}
            </h3>
            <ArrangeButtons kind="race" id={race.id} label={race.title} first={index === 0} last={index === ballot.races.length - 1} action={actions.arrange} />
          </div>
          <details className="mt-3">
            <summary className={summary}>Edit this race</summary>
            <RaceEditor electionId={electionId} race={race} action={actions.saveRace} />
          </details>
          <ol className="mt-4 space-y-3">
            {race.candidates.map((candidate, position) => (
              <li key={candidate.id} className="rounded-md border border-gray-200 p-3">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <span className="font-semibold">{candidate.name}</span>
                  <ArrangeButtons kind="candidate" id={candidate.id} label={candidate.name} first={position === 0} last={position === race.candidates.length - 1} action={actions.arrange} />
                </div>
                <details className="mt-2">
                  <summary className={summary}>Edit {candidate.name}</summary>
                  <CandidateEditor raceId={race.id} candidate={candidate} action={actions.saveCandidate} />
                </details>
              </li>
            ))}
          </ol>
          {race.candidates.length < CANDIDATES_MAX && (
            <details className="mt-4" open={race.candidates.length === 0}>
              <summary className={summary}>Add a candidate to {race.title}</summary>
              <CandidateEditor raceId={race.id} action={actions.saveCandidate} />
            </details>
          )}
        </section>
      ))}
      {ballot.measures.map((measure, index) => (
        <section key={measure.id} aria-labelledby={`measure-${measure.id}`} className={`mt-6 ${box}`}>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h3 id={`measure-${measure.id}`} className="text-xl font-bold text-leaf-900">
              {measure.title}
            </h3>
            <ArrangeButtons kind="measure" id={measure.id} label={measure.title} first={index === 0} last={index === ballot.measures.length - 1} action={actions.arrange} />
          </div>
          <details className="mt-3">
            <summary className={summary}>Edit this measure</summary>
            <MeasureEditor electionId={electionId} measure={measure} action={actions.saveMeasure} />
          </details>
        </section>
      ))}
      <div className="mt-6 grid gap-6">
        {ballot.races.length < RACES_MAX && (
          <details className={box} open={ballot.races.length === 0}>
            <summary className={summary}>Add a race</summary>
            <RaceEditor electionId={electionId} action={actions.saveRace} />
          </details>
        )}
        {ballot.measures.length < MEASURES_MAX && (
          <details className={box}>
            <summary className={summary}>Add a measure</summary>
            <MeasureEditor electionId={electionId} action={actions.saveMeasure} />
          </details>
        )}
      </div>
    </section>
  );
}
