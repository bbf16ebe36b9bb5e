/** The one look of a `<select>` (and of small filter inputs beside one). */
export const selectClass = "mt-1 block rounded-md border border-gray-400 bg-white px-2 py-1.5";

/** A labelled select for filter bars; the label wraps the control, so no id is needed. */
export function Select({ label, children, ...props }: { label: string } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="text-sm font-semibold">
      {label}
      <select className={selectClass} {...props}>
        {children}
      </select>
    </label>
  );
}
