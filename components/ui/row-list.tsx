"use client";

import { useState } from "react";

type RowListProps<T> = {
  legend: string;
  initialRows: T[];
  blankRow: T;
  addLabel: string;
  renderRow: (row: T, index: number) => React.ReactNode;
};

/**
 * Repeated rows (evidence, references) with Add and Remove. Field names carry the row's
 * position, so the submitted form lists the rows in the order shown. One spare blank row
 * is always present, so the form also works without JavaScript.
 */
export function RowList<T>({ legend, initialRows, blankRow, addLabel, renderRow }: RowListProps<T>) {
  const [rows, setRows] = useState(() => [...initialRows, blankRow].map((row) => ({ key: crypto.randomUUID(), row })));
  return (
    <fieldset className="rounded-lg border border-leaf-100 bg-white p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <ol className="space-y-4">
        {rows.map(({ key, row }, index) => (
          <li key={key} className="border-b border-leaf-100 pb-4 last:border-0">
            {renderRow(row, index)}
            <button
              type="button"
              className="mt-2 text-sm text-red-800 underline"
              onClick={() => setRows((current) => current.filter((entry) => entry.key !== key))}
            >
              Remove row {index + 1}
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="mt-3 rounded-md border border-leaf-800 px-3 py-1.5 text-sm font-semibold"
        onClick={() => setRows((current) => [...current, { key: crypto.randomUUID(), row: blankRow }])}
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
