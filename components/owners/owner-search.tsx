"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { selectClass } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { findOwnersAction } from "@/lib/actions/owners";
import { OwnerTable } from "./owner-table";

/** Finds owners by a POST (works without JavaScript too), so what staff typed never lands in a URL. */
export function OwnerSearch({ find }: { find: typeof findOwnersAction }) {
  const [result, action] = useActionState(find, null);
  const found = result?.ok ? result.data : null;
  const failed = result && !result.ok ? result : null;
  return (
    <section aria-labelledby="owner-search-heading" className="mt-4">
      <h2 id="owner-search-heading" className="sr-only">
        Find an owner
      </h2>
      <form action={action} className="flex flex-wrap items-end gap-4" role="search" aria-label="Find an owner">
        <label className="text-sm font-semibold">
          Name, email or owner number
          <input
            name="q"
            type="search"
            maxLength={100}
            defaultValue={found?.query ?? failed?.values?.q ?? ""}
            aria-invalid={failed?.fieldErrors?.q ? true : undefined}
            aria-describedby={failed?.fieldErrors?.q ? "owner-search-error" : undefined}
            className={selectClass}
          />
        </label>
        <SubmitButton pendingLabel="Finding…">Find</SubmitButton>
      </form>
      {failed?.fieldErrors?.q ? (
        <p id="owner-search-error" className="mt-2 text-sm font-semibold text-red-800">
          {failed.fieldErrors.q.join(" ")}
        </p>
      ) : (
        <FormMessage result={failed} />
      )}
      {/* Always on the page, so that screen readers announce what appears in it. */}
      <div role="status" className="mt-2">
        {found && (
          <p className="font-semibold">
            {found.rows.length === 0
              ? `No owners match “${found.query}”.`
              : `${found.rows.length}${found.hasMore ? "+" : ""} ${found.rows.length === 1 ? "owner matches" : "owners match"} “${found.query}”${found.hasMore ? `; the first ${found.pageSize} are shown, so narrow the search` : ""}.`}
          </p>
        )}
      </div>
      {found && found.rows.length > 0 && <OwnerTable caption={`Owners matching “${found.query}”`} rows={found.rows} />}
    </section>
  );
}
