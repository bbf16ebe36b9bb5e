import "server-only";
import { db } from "@/db";
import type { DB } from "@/db/client";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { certifyWithResults, closeWithResults, listElectionsDueToClose, listResultsSubscribers } from "@/db/queries/election-running";
import { getElectionById } from "@/db/queries/elections";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { countElection } from "./count-election";
import { revalidateElection } from "./revalidate-election";
import { resultsPublishedEmail } from "./running-emails";

/**
 * Closes an open election whose window has ended and stores its results (online ballots
 * and paper batches counted so far), in one IMMEDIATE transaction: the count and the
 * status change together, so no ballot can slip in between. Answers whether it closed it.
 * An election still in its window, or not open, is left as it is.
 */
export function closeElection(electionId: number, now: Date, database: DB = db) {
  let slug = "";
  const closed = database.transaction(
    (tx) => {
      const election = getElectionById(tx, electionId);
      if (!election || election.status !== "open" || election.closesAt > now) return false;
      slug = election.slug;
      return closeWithResults(tx, electionId, countElection(tx, election), now);
    },
    { behavior: "immediate" },
  );
  // The public pages stop showing the turnout meter and say the votes are being counted.
  if (closed) revalidateElection(slug);
  return closed;
}

/** Closes every open election whose window has ended by `now`, each on its own; answers the ids it closed. */
export function closeDueElections(now: Date, database: DB = db) {
  const closed: number[] = [];
  for (const id of listElectionsDueToClose(database, now)) {
    try {
      if (closeElection(id, now, database)) closed.push(id);
    } catch (error) {
      console.error(`Closing election ${id} failed:`, error);
    }
  }
  return closed;
}

export type CertifyResult = { ok: true; emailsQueued: number } | { ok: false; reason: "election_not_found" | "not_closed" | "already_certified" };

/**
 * An admin certifies a closed election's results, in one IMMEDIATE transaction: counted
 * again (so that what is published is what the ballots and batches say now), marked
 * certified with who and when, audited (the ballot count only), and an email queued to
 * every owner who asked for results. Then the public pages are expired, so they show the
 * results. Refuses an election that is not closed yet, or already certified.
 */
export function certifyElection(electionId: number, actor: AuditActor, now: Date, database: DB = db): CertifyResult {
  let slug = "";
  const result = database.transaction(
    (tx): CertifyResult => {
      const election = getElectionById(tx, electionId);
      if (!election) return { ok: false, reason: "election_not_found" };
      if (election.status === "certified") return { ok: false, reason: "already_certified" };
      if (election.status !== "closed") return { ok: false, reason: "not_closed" };
      slug = election.slug;
      const results = countElection(tx, election);
      if (!certifyWithResults(tx, electionId, results, actor.id, now)) return { ok: false, reason: "already_certified" };
      recordAudit(tx, actor, { action: "election.certify", subjectType: "election", subjectId: String(electionId), detail: { ballots: results.ballots.total } });
      const site = { coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl };
      const subscribers = listResultsSubscribers(tx);
      for (const to of subscribers) queueEmail(tx, { to, ...resultsPublishedEmail(site, election) });
      return { ok: true, emailsQueued: subscribers.length };
    },
    { behavior: "immediate" },
  );
  if (result.ok) {
    if (result.emailsQueued > 0) wakeEmailWorker();
    revalidateElection(slug);
  }
  return result;
}
