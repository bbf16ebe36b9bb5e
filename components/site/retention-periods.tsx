import { cellClass, DataTable } from "@/components/ui/data-table";
import type { RetentionPeriod } from "@/lib/maintenance/retention-periods";

/** Settings: how long each kind of personal data stays, as the daily maintenance enforces it (docs/privacy.md says the same to the public). */
export function RetentionPeriods({ periods }: { periods: RetentionPeriod[] }) {
  return (
    <section aria-labelledby="retention-heading" className="mt-12">
      <h2 id="retention-heading" className="text-2xl font-bold text-leaf-900">
        How long personal data is kept
      </h2>
      <p className="mt-2 max-w-prose">
        The server deletes what is past its period every day (and at start), and the audit log records how many of each went. The
        periods marked with a variable are set where the portal is installed; ask whoever runs the server to change them.
      </p>
      <DataTable caption="Each kind of personal data and how long it stays" headers={["What", "How long", "Set by"]}>
        {periods.map((period) => (
          <tr key={period.what}>
            <th scope="row" className={`${cellClass} font-semibold`}>
              {period.what}
            </th>
            <td className={cellClass}>{period.kept}</td>
            <td className={cellClass}>{period.setBy.includes("_") ? <code>{period.setBy}</code> : period.setBy}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
