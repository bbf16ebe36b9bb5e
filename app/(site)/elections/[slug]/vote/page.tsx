import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BallotForm, type BallotView } from "@/components/elections/ballot-form";
import { ballotViewOf } from "@/components/elections/ballot-view";
import { BallotNotice } from "@/components/elections/ballot-notice";
import { ButtonLink } from "@/components/ui/button-link";
import { db } from "@/db";
import { findBallotLink } from "@/db/queries/election-ballots";
import { getRollEntry } from "@/db/queries/election-roll";
import { findVoterOwnership } from "@/db/queries/election-voters";
import { getBallotDefinition, getElectionBySlug, isTakingBallots } from "@/db/queries/elections";
import { castBallotAction } from "@/lib/actions/election-votes";
import { getCurrentUser } from "@/lib/auth/session";
import { alreadyVotedWords, castRefusalMessage } from "@/lib/elections/cast-refusal-words";
import { hashLinkToken, isWellFormedLinkToken } from "@/lib/link-tokens";
import { formatDateTime } from "@/lib/model/format";

export const metadata: Metadata = { title: "Your ballot", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string | string[] }> };


/**
 * The ballot, for the ownership an emailed link stands for or the signed-in owner's.
 * Opening it casts nothing (mail scanners follow links): only the form's button does. It
 * reads the token or the session, so it renders per request.
 */
export default async function BallotPage({ params, searchParams }: Props) {
  const [{ slug }, { token }] = await Promise.all([params, searchParams]);
  const election = getElectionBySlug(db, slug);
  if (!election || election.status === "draft") notFound();
  const now = new Date();
  const linkToken = typeof token === "string" ? token : "";
  const votePath = `/elections/${election.slug}/vote`;
  let ownerId: number;

  if (linkToken) {
    const link = isWellFormedLinkToken(linkToken) ? findBallotLink(db, hashLinkToken(linkToken), now) : null;
    if (!link || link.electionId !== election.id) {
      return (
        <BallotNotice title="This ballot link does not work" electionTitle={election.title}>
          <p className="mt-4 max-w-prose">{castRefusalMessage({ ok: false, reason: "link_not_valid" })}</p>
          <SignInToVote votePath={votePath} />
        </BallotNotice>
      );
    }
    ownerId = link.ownerId;
  } else {
    const user = await getCurrentUser();
    if (!user) {
      return (
        <BallotNotice title={election.title} electionTitle={null}>
          <p className="mt-4 max-w-prose">
            Owners vote with the link in their ballot email, or signed in. Sign in with the address the co-op has for your ownership to
            see your ballot.
          </p>
          <SignInToVote votePath={votePath} />
        </BallotNotice>
      );
    }
    const voter = findVoterOwnership(db, user.id);
    const refusal = !voter ? "not_an_owner" : !voter.isPrimary && election.voters !== "any_adult" ? "not_the_voter" : null;
    if (!voter || refusal) {
      return (
        <BallotNotice title="You cannot vote here" electionTitle={election.title}>
          <p className="mt-4 max-w-prose">{castRefusalMessage({ ok: false, reason: refusal ?? "not_an_owner" })}</p>
        </BallotNotice>
      );
    }
    ownerId = voter.ownerId;
  }

  const entry = getRollEntry(db, election.id, ownerId);
  if (!entry || entry.removedAt) {
    return (
      <BallotNotice title="You cannot vote here" electionTitle={election.title}>
        <p className="mt-4 max-w-prose">{castRefusalMessage({ ok: false, reason: "not_on_roll" })}</p>
      </BallotNotice>
    );
  }
  const voted = entry.votedAt && entry.channel ? alreadyVotedWords(entry.votedAt, entry.channel) : null;
  if (!voted && !isTakingBallots(election, now)) {
    return (
      <BallotNotice title="Voting is not open" electionTitle={election.title}>
        <p className="mt-4 max-w-prose">
          Ballots are taken from {formatDateTime(election.opensAt)} until {formatDateTime(election.closesAt)}.
        </p>
      </BallotNotice>
    );
  }

  const definition = getBallotDefinition(db, election.id);
  const ballot: BallotView | null = voted
    ? null
    : ballotViewOf(definition);

  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">{election.title}</h1>
      <p className="mt-2 max-w-prose">
        Your ballot is secret: the co-op records that your household voted, never how. Voting closes {formatDateTime(election.closesAt)}.
      </p>
      <BallotForm action={castBallotAction} slug={election.slug} token={linkToken || undefined} ballot={ballot} voted={voted} />
    </>
  );
}

/** A full page load to the sign-in form, which comes back here once signed in. */
function SignInToVote({ votePath }: { votePath: string }) {
  return (
    <p className="mt-4">
      <ButtonLink href={`/login?callbackUrl=${encodeURIComponent(votePath)}`} prefetch={false}>
        Sign in to vote
      </ButtonLink>
    </p>
  );
}
