import type { PublicElection } from "@/lib/elections/cached";

/**
 * How many ownerships have voted, against the roll and the quorum. Turnout only: how
 * anyone voted is counted after the close and never shown before it.
 */
export function TurnoutMeter({ turnout }: { turnout: NonNullable<PublicElection["turnout"]> }) {
  const { rollSize, voted, needed, met } = turnout;
  const percent = rollSize === 0 ? 0 : Math.round((voted / rollSize) * 100);
  return (
    <section aria-labelledby="turnout" className="mt-6 rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="turnout" className="mb-3 text-xl font-bold text-leaf-900">
        Turnout so far
      </h2>
      <label htmlFor="turnout-meter" className="block">
        {voted} of {rollSize} {rollSize === 1 ? "ownership has" : "ownerships have"} voted ({percent}%)
      </label>
      <meter id="turnout-meter" className="mt-2 h-4 w-full" min={0} max={Math.max(rollSize, 1)} low={needed} optimum={Math.max(rollSize, 1)} value={voted}>
        {voted} of {rollSize}
      </meter>
      <p className="mt-2">
        Quorum: {needed} {needed === 1 ? "ownership" : "ownerships"}.{" "}
        {met ? (
          <strong>The quorum has been reached.</strong>
        ) : (
          <>
            <strong>Not reached yet</strong>: {needed - voted} more {needed - voted === 1 ? "vote is" : "votes are"} needed.
          </>
        )}
      </p>
    </section>
  );
}
