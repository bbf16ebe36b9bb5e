import { IMPORT_LINES_SHOWN, importLineReasonWords, type ImportPlan } from "@/lib/model/newsletter-import";

const count = (n: number) => n.toLocaleString("en-US");

/** The lines an import leaves out, the first IMPORT_LINES_SHOWN named, the rest counted. */
function LineList<T>({ id, title, rows, say }: { id: string; title: string; rows: T[]; say: (row: T) => React.ReactNode }) {
  if (rows.length === 0) return null;
  const more = rows.length - IMPORT_LINES_SHOWN;
  return (
    <section aria-labelledby={id} className="mt-6">
      <h3 id={id} className="text-lg font-bold text-leaf-900">
        {title} ({count(rows.length)})
      </h3>
      <ul className="mt-2 max-h-96 list-none space-y-1 overflow-y-auto rounded-md border border-leaf-100 bg-white p-3 text-sm">
        {rows.slice(0, IMPORT_LINES_SHOWN).map(say)}
      </ul>
      {more > 0 && <p className="mt-1 text-sm">and {count(more)} more.</p>}
    </section>
  );
}

/** Staff: what importing a staged file would do, in counts, with its bad lines and duplicates by line number. */
export function ImportPreviewDetails({ plan }: { plan: ImportPlan }) {
  const rows: [string, number][] = [
    ["Lines read (the header row aside)", plan.lines],
    ["New addresses, to be asked to confirm", plan.entries.length],
    ["Lines with a problem, not imported", plan.bad.length],
    ["Repeats of an earlier line, not imported", plan.duplicates.length],
    ["Subscribed or waiting for confirmation already: left as they are", plan.alreadyThere],
    ["Unsubscribed before: never added again, not emailed", plan.unsubscribedBefore],
  ];
  return (
    <>
      <dl className="mt-4 grid max-w-2xl grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd className="text-right font-semibold tabular-nums">{count(value)}</dd>
          </div>
        ))}
      </dl>
      {plan.ignoredColumns.length > 0 && <p className="mt-3 text-sm">Columns not read: {plan.ignoredColumns.join(", ")}.</p>}
      <LineList
        id="bad-lines"
        title="Lines with a problem"
        rows={plan.bad}
        say={(row) => (
          <li key={`bad-${row.line}`}>
            <span className="font-semibold">Line {row.line}:</span> {importLineReasonWords[row.reason](row.detail)}
          </li>
        )}
      />
      <LineList
        id="duplicate-lines"
        title="Repeated addresses"
        rows={plan.duplicates}
        say={(row) => (
          <li key={`duplicate-${row.line}`}>
            <span className="font-semibold">Line {row.line}:</span> {row.email} repeats line {row.firstLine}.
          </li>
        )}
      />
    </>
  );
}
