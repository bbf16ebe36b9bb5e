import { cellClass, DataTable } from "@/components/ui/data-table";
import type { RollRow } from "@/db/queries/election-running";
import type { markVotedOnPaperAction } from "@/lib/actions/election-running";
import { formatDateTime } from "@/lib/model/format";
import { MarkPaperVoteButton } from "./mark-paper-vote-button";

const channelWords = { online: "Online", paper: "On paper" } as const;

/**
 * The roll as staff see it: who may vote, whether and when each ownership voted and by
 * which channel. Nothing of any ballot is known here, and nothing is shown.
 */
export function RollTable({ caption, rows, electionId, mark }: { caption: string; rows: RollRow[]; electionId: number; mark?: typeof markVotedOnPaperAction }) {
  return (
    <DataTable caption={caption} headers={["Owner no.", "Name", "Voted", "When", "How", ...(mark ? ["Paper"] : [])]}>
      {rows.map((row) => (
        <tr key={row.ownerId}>
          <td className={cellClass}>{row.ownerNumber}</td>
          <td className={cellClass}>
            {row.name}
            {row.removedAt && (
              <div className="text-muted">
                Removed {formatDateTime(row.removedAt)}: {row.removedReason}
              </div>
            )}
          </td>
          <td className={cellClass}>{row.votedAt ? "Yes" : row.removedAt ? "—" : "Not yet"}</td>
          <td className={cellClass}>{row.votedAt ? formatDateTime(row.votedAt) : ""}</td>
          <td className={cellClass}>{row.channel ? channelWords[row.channel] : ""}</td>
          {mark && (
            <td className={cellClass}>
              {!row.votedAt && !row.removedAt && <MarkPaperVoteButton electionId={electionId} ownerId={row.ownerId} ownerNumber={row.ownerNumber} mark={mark} />}
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
