import type { EvidenceGrade } from "@/lib/model/monographs";

export const gradeMeanings: Record<EvidenceGrade, string> = {
  A: "Strong scientific evidence for this use",
  B: "Good scientific evidence for this use",
  C: "Unclear or conflicting scientific evidence",
  D: "Fair scientific evidence against this use",
  F: "Strong scientific evidence against this use",
};

type Row = { condition: string; grade: EvidenceGrade; note: string };

export function EvidenceTable({ rows }: { rows: Row[] }) {
  return (
    <>
      <div className="overflow-x-auto">
        <table className="evidence-table">
          <caption className="sr-only">Evidence by condition</caption>
          <thead className="bg-leaf-50">
            <tr>
              <th scope="col">
                Condition
              </th>
              <th scope="col">
                Grade
              </th>
              <th scope="col">
                What the studies show
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.condition}>
                <th scope="row">
                  {row.condition}
                </th>
                <td className="grade">
                  <abbr title={gradeMeanings[row.grade]} className="no-underline">
                    {row.grade}
                  </abbr>
                </td>
                <td>{row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl aria-label="What the grades mean" className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {(Object.keys(gradeMeanings) as EvidenceGrade[]).map((grade) => (
          <div key={grade} className="contents">
            <dt className="font-bold">{grade}</dt>
            <dd>{gradeMeanings[grade]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
