/** Every receipt code counted, so each voter can find theirs. Codes only: they say nothing of the choices. */
export function ReceiptCodeList({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="receipt-codes" className="mt-8">
      <h2 id="receipt-codes" className="text-xl font-bold text-leaf-900">
        Receipt codes counted
      </h2>
      <p className="mt-1">
        If you voted online, your receipt code is in this list: it shows your ballot was counted, and nothing about what it said.
        Use your browser&apos;s find (Ctrl+F or ⌘F) to look for it.
      </p>
      {codes.length > 0 ? (
        <ul className="mt-3 grid gap-1 font-mono sm:grid-cols-2 md:grid-cols-3">
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-3">No ballots were cast online.</p>
      )}
    </section>
  );
}
