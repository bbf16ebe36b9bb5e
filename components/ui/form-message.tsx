/** The outcome of a form, announced to screen readers when it appears. */
export function FormMessage({ result }: { result: { ok: boolean; message?: string } | null }) {
  if (!result?.message) return null;
  return result.ok ? (
    <p role="status" className="rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
      {result.message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-4 py-3 font-semibold text-red-900">
      {result.message}
    </p>
  );
}
