import "server-only";
import { db } from "@/db";
import type { DB } from "@/db/client";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { saveBallotLink } from "@/db/queries/election-ballots";
import { claimReminder, listRollNotVoted } from "@/db/queries/election-running";
import { getElectionById, isTakingBallots } from "@/db/queries/elections";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { hashLinkToken, newLinkToken } from "@/lib/link-tokens";
import { REMINDER_INTERVAL_MS } from "@/lib/model/elections";
import { ballotUrl } from "./open-election";
import { reminderEmail } from "./running-emails";

export type ReminderResult =
  | { ok: true; emailsQueued: number }
  | { ok: false; reason: "election_not_found" | "election_closed" }
  | { ok: false; reason: "too_soon"; nextAt: Date };

/**
 * Staff remind every ownership on the roll that has not voted (and was not removed), in
 * one IMMEDIATE transaction: each gets a fresh ballot link (a new random token, stored
 * only as its hash; the links in earlier emails keep working until the close) in an
 * email queued with it. At most once per REMINDER_INTERVAL_MS: the last reminder's time
 * is checked and moved inside the same transaction, so two staff pressing the button at
 * once send one round. Refuses outside the voting window, and too soon with when the next
 * round may go.
 */
export function sendReminders(electionId: number, actor: AuditActor, now: Date, database: DB = db): ReminderResult {
  const result = database.transaction(
    (tx): ReminderResult => {
      const election = getElectionById(tx, electionId);
      if (!election) return { ok: false, reason: "election_not_found" };
      if (!isTakingBallots(election, now)) return { ok: false, reason: "election_closed" };
      if (!claimReminder(tx, electionId, now, new Date(now.getTime() - REMINDER_INTERVAL_MS))) {
        return { ok: false, reason: "too_soon", nextAt: new Date(election.lastReminderAt!.getTime() + REMINDER_INTERVAL_MS) };
      }
      const site = { coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl };
      const voters = listRollNotVoted(tx, electionId);
      for (const voter of voters) {
        const token = newLinkToken();
        saveBallotLink(tx, electionId, voter.ownerId, hashLinkToken(token), election.closesAt);
        // Like the opening email, the body holds a live ballot link until the close.
        queueEmail(tx, { to: voter.email, ...reminderEmail(site, { title: election.title, closesAt: election.closesAt, url: ballotUrl(election.slug, token) }), redactAfter: election.closesAt });
      }
      recordAudit(tx, actor, { action: "election.reminders", subjectType: "election", subjectId: String(electionId), detail: { emails: voters.length } });
      return { ok: true, emailsQueued: voters.length };
    },
    { behavior: "immediate" },
  );
  if (result.ok && result.emailsQueued > 0) wakeEmailWorker();
  return result;
}
