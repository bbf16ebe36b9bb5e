"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { selectClass } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { findOnRollAction, markVotedOnPaperAction } from "@/lib/actions/election-running";
import { rollFilterLabels, rollFilters, type RollFilter } from "@/lib/model/election-running";
import { RollTable } from "./roll-table";

/** Finds ownerships on the roll by name or owner number, by a POST (works without JavaScript), so that a name never lands in a URL. */
export function RollSearch({ electionId, filter, find, mark }: { electionId: number; filter: RollFilter; find: typeof findOnRollAction; mark?: typeof markVotedOnPaperAction }) {
  const [result, action] = useActionState(find, null);
  const found = result?.ok ? result.data : null;
  const failed = result && !result.ok ? result : null;
  return (
    <section aria-labelledby="roll-search-heading" className="mt-6">
      <h2 id="roll-search-heading" className="text-xl font-bold text-leaf-900">
        Find an ownership on the roll
      </h2>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-4" role="search" aria-label="Find an ownership on the roll">
        <input type="hidden" name="electionId" value={electionId} />
        <label className="text-sm font-semibold">
          Name or owner number
          <input
            name="q"
            type="search"
            maxLength={100}
            defaultValue={found?.query ?? failed?.values?.q ?? ""}
            aria-invalid={failed?.fieldErrors?.q ? true : undefined}
            aria-describedby={failed?.fieldErrors?.q ? "roll-search-error" : undefined}
            className={selectClass}
          />
        </label>
        <label className="text-sm font-semibold">
          Show
          <select name="filter" defaultValue={failed?.values?.filter ?? filter} className={selectClass}>
            {rollFilters.map((value) => (
              <option key={value} value={value}>
                {rollFilterLabels[value]}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton pendingLabel="Finding…">Find</SubmitButton>
      </form>
      {failed?.fieldErrors?.q ? (
        <p id="roll-search-error" className="mt-2 text-sm font-semibold text-red-800">
          {failed.fieldErrors.q.join(" ")}
        </p>
      ) : (
        <FormMessage result={failed} />
      )}
      <div role="status" className="mt-2">
        {found && (
          <p className="font-semibold">
            {found.rows.length === 0
              ? `Nobody on the roll matches “${found.query}”.`
              : `${found.rows.length}${found.hasMore ? "+" : ""} on the roll ${found.rows.length === 1 ? "matches" : "match"} “${found.query}”${found.hasMore ? "; narrow the search to see the rest" : ""}.`}
          </p>
        )}
      </div>
      {found && found.rows.length > 0 && <RollTable caption={`On the roll, matching “${found.query}”`} rows={found.rows} electionId={electionId} mark={mark} />}
    </section>
  );
}
