import { monthLabel, type MonthCount } from "@/lib/newsletter/subscriber-growth";

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { top: 16, right: 8, bottom: 28, left: 36 };

/**
 * Confirmed subscribers at the end of each month, as bars drawn on the server (inline
 * SVG, no script). Screen readers get the summary in the SVG's label and the numbers in
 * the table under it.
 */
export function SubscriberGrowthChart({ series }: { series: MonthCount[] }) {
  const max = Math.max(1, ...series.map((point) => point.count));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, series.length);
  const first = series[0];
  const last = series.at(-1);
  const summary =
    first && last
      ? `Confirmed subscribers by month: ${first.count} at the end of ${monthLabel(first.month)}, ${last.count} in ${monthLabel(last.month)}.`
      : "No confirmed subscribers yet.";
  return (
    <figure className="mt-6 rounded-lg border border-leaf-100 bg-white p-4">
      <figcaption className="font-semibold text-leaf-900">{`Confirmed subscribers, last ${series.length} months`}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="mt-2 h-auto w-full max-w-2xl">
        <line x1={PAD.left} y1={PAD.top + plotHeight} x2={WIDTH - PAD.right} y2={PAD.top + plotHeight} stroke="#4b544e" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#4b544e">
          {max}
        </text>
        <text x={PAD.left - 6} y={PAD.top + plotHeight} textAnchor="end" fontSize="11" fill="#4b544e">
          0
        </text>
        {series.map((point, index) => {
          const height = (point.count / max) * plotHeight;
          const x = PAD.left + index * slot + slot * 0.15;
          return (
            <g key={point.month}>
              <rect x={x} y={PAD.top + plotHeight - height} width={slot * 0.7} height={height} fill="#235330" />
              <text x={x + slot * 0.35} y={HEIGHT - 10} textAnchor="middle" fontSize="10" fill="#4b544e">
                {monthLabel(point.month).slice(0, 3)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">The numbers</summary>
        <table className="mt-2 border-collapse text-left">
          <caption className="sr-only">Confirmed subscribers at the end of each month</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6">
                Month
              </th>
              <th scope="col">Confirmed subscribers</th>
            </tr>
          </thead>
          <tbody>
            {series.map((point) => (
              <tr key={point.month}>
                <td className="pr-6">{monthLabel(point.month)}</td>
                <td>{point.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
