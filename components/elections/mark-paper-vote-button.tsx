"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { markVotedOnPaperAction } from "@/lib/actions/election-running";

/** One roll row's "Voted on paper" button; a refusal (an online vote came first) is said beside it. */
export function MarkPaperVoteButton({ electionId, ownerId, ownerNumber, mark }: { electionId: number; ownerId: number; ownerNumber: number; mark: typeof markVotedOnPaperAction }) {
  const [result, action] = useActionState(mark, null);
  if (result?.ok) return <p role="status">Marked as voted on paper.</p>;
  return (
    <form action={action}>
      <input type="hidden" name="electionId" value={electionId} />
      <input type="hidden" name="ownerId" value={ownerId} />
      <SubmitButton variant="secondary" pendingLabel="Marking…">
        <span>
          Voted on paper<span className="sr-only">: owner {ownerNumber}</span>
        </span>
      </SubmitButton>
      {result && !result.ok && (
        <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
          {result.message}
        </p>
      )}
    </form>
  );
}
