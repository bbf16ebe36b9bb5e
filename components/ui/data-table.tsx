/**
 * A plain, responsive table: it scrolls sideways on a phone instead of squeezing. The
 * scrolling box is a named, focusable region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function DataTable({ caption, headers, children }: { caption: string; headers: string[]; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="mt-4 overflow-x-auto rounded-lg border border-leaf-100 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-leaf-50">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-semibold">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-leaf-100">{children}</tbody>
      </table>
    </div>
  );
}

export const cellClass = "px-3 py-2 align-top";
