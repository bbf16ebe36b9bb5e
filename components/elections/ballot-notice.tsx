/** A ballot page that shows no ballot: why, and what to do instead. */
export function BallotNotice({ title, electionTitle, children }: { title: string; electionTitle: string | null; children: React.ReactNode }) {
  return (
    <>
      {electionTitle && <p className="font-semibold text-leaf-800">{electionTitle}</p>}
      <h1 className="text-3xl font-bold text-leaf-900">{title}</h1>
      {children}
    </>
  );
}
