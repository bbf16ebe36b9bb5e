import "server-only";
import { db } from "@/db";
import type { DB } from "@/db/client";
import { saveBallotLink } from "@/db/queries/election-ballots";
import { listElectionsDueToOpen, listEquityForActiveOwners, listRollPrimaryVoters } from "@/db/queries/election-opening";
import { writeElectionRoll } from "@/db/queries/election-roll";
import { getElectionById, hasBallotItems } from "@/db/queries/elections";
import type { Executor } from "@/db/queries/executor";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { getSiteSettings } from "@/db/queries/site";
import { startBackgroundLoop } from "@/lib/background-loop";
import { queueEmail, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { hashLinkToken, newLinkToken } from "@/lib/link-tokens";
import { equityStanding } from "@/lib/model/equity";
import { refusals } from "@/lib/model/errors";
import { closeDueElections } from "./close-election";
import { ballotEmail } from "./emails";
import { revalidateElection } from "./revalidate-election";

/** Why `openElection` refuses: no such election, or its window has already ended. */
export type OpenElectionRefusal = "election_not_found" | "election_closed" | "ballot_empty";
const refuse = refusals<OpenElectionRefusal>();

/** The emailed link to an ownership's ballot; the page reads the token and asks before casting. */
export function ballotUrl(slug: string, token: string) {
  const url = new URL(`/elections/${encodeURIComponent(slug)}/vote`, getEnv().siteUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

/**
 * Ownerships behind on equity at the end of the record date: a payment due on or before
 * that day is unpaid, counting only payments made by then, so that paying after the record
 * date does not put an ownership on the roll (nor a later due date take it off). Each
 * ownership pays by the terms it signed up to; rows from before those were recorded fall
 * back to the plan of the same id in the settings, and with neither they count as paid up,
 * since nothing says they are behind.
 */
function ownersBehindOnEquity(executor: Executor, recordDate: string) {
  const plans = getEquityPlans(executor);
  const behind = new Set<number>();
  for (const owner of listEquityForActiveOwners(executor, recordDate)) {
    const plan = owner.equityPlan ?? plans.find((candidate) => candidate.id === owner.planId);
    if (plan && equityStanding(plan, owner.joinedOn, owner.paymentsCents, recordDate).behind) behind.add(owner.id);
  }
  return behind;
}

export type OpenedElection = { opened: boolean; rollSize: number; emailsQueued: number };

/**
 * Opens a draft election, in one IMMEDIATE transaction: writes its roll (a snapshot at the
 * record date), then gives every ownership on it a ballot link (a random token, stored
 * only as its hash, valid until the close) and queues the email that carries it, so that
 * the roll never exists without its links nor a link without its email. The email goes to
 * the primary owner even when the election lets any adult vote: household members carry
 * no adult flag, so the portal cannot tell who among them is an adult.
 * An election already open (or closed, or certified) is left as it is: nothing more is
 * sent (answers `opened: false`). Opening a draft before its `opensAt` is allowed (ballots
 * are still refused until then). Refuses `election_not_found`, and `election_closed` once
 * its `closesAt` has passed, when every link would already be dead, and `ballot_empty`
 * when there is neither a race nor a measure to vote on.
 */
export function openElection(electionId: number, now: Date, database: DB = db): OpenedElection {
  let slug = "";
  const result = database.transaction(
    (tx): OpenedElection => {
      const election = getElectionById(tx, electionId);
      if (!election) throw refuse("not_found", "election_not_found");
      if (election.status !== "draft") return { opened: false, rollSize: 0, emailsQueued: 0 };
      slug = election.slug;
      if (election.closesAt <= now) throw refuse("conflict", "election_closed");
      if (!hasBallotItems(tx, electionId)) throw refuse("conflict", "ballot_empty");
      const rollSize = writeElectionRoll(tx, electionId, {
        recordDate: election.recordDate,
        eligibility: election.eligibility,
        now,
        behindOwnerIds: election.eligibility === "approved_paid_up" ? ownersBehindOnEquity(tx, election.recordDate) : undefined,
      });
      const site = { coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl };
      let emailsQueued = 0;
      for (const voter of listRollPrimaryVoters(tx, electionId)) {
        const token = newLinkToken();
        saveBallotLink(tx, electionId, voter.ownerId, hashLinkToken(token), election.closesAt);
        // The body holds a live ballot link until the close; after that it is only an old notice.
        queueEmail(tx, { to: voter.email, ...ballotEmail(site, { title: election.title, closesAt: election.closesAt, url: ballotUrl(election.slug, token) }), redactAfter: election.closesAt });
        emailsQueued += 1;
      }
      return { opened: true, rollSize, emailsQueued };
    },
    { behavior: "immediate" },
  );
  if (result.emailsQueued > 0) wakeEmailWorker();
  // The public pages show an open election's turnout meter from now on.
  if (result.opened) revalidateElection(slug);
  return result;
}

/**
 * Opens every draft election whose window has begun and not ended by `now`, each in its
 * own transaction, so that one that fails does not hold back the others. Answers the ids
 * it opened.
 */
export function openDueElections(now: Date, database: DB = db) {
  const opened: number[] = [];
  for (const id of listElectionsDueToOpen(database, now)) {
    try {
      if (openElection(id, now, database).opened) opened.push(id);
    } catch (error) {
      console.error(`Opening election ${id} failed:`, error);
    }
  }
  return opened;
}

/** Opens elections as their windows begin, and closes and counts them as they end, for as long as the server runs. */
export function startElectionOpener() {
  // A minute's lateness (ELECTION_CHECK_MS) is invisible to voters, and each check is one indexed query.
  startBackgroundLoop("election opener", getEnv().electionCheckMs, async () => {
    const now = new Date();
    openDueElections(now);
    closeDueElections(now);
  });
}
