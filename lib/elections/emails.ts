import "server-only";
import { renderEmail } from "@/lib/email/templates";
import { formatDateTime } from "@/lib/model/format";

type Site = { coopName: string; siteUrl: string };

/**
 * To the person who casts an ownership's vote, when the election opens: the ballot link,
 * and that opening it casts nothing, since mail scanners open links too.
 */
export function ballotEmail(site: Site, ballot: { title: string; closesAt: Date; url: string }) {
  return {
    subject: `Your ballot: ${ballot.title}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `${ballot.title} is open for voting`,
      paragraphs: [
        `Your ownership has one vote in ${ballot.title}, and this email holds your own link to its ballot. Voting closes ${formatDateTime(ballot.closesAt)}, store time.`,
        "Opening the link shows the ballot with the candidates and the questions. Nothing is cast until you press the button at the end, so you can read it first and come back to it later.",
        "Your vote is secret: the co-op records that your ownership voted, never how.",
        "If you would rather vote on paper, ask for a paper ballot at the store before voting closes. Your ownership still has one vote: once a ballot is counted, online or on paper, the other way is closed.",
      ],
      action: { label: "Open your ballot", url: ballot.url },
      footnote: "Anyone with this link can cast your ownership's vote, so please don't forward this email. If you think it reached you by mistake, reply and tell us.",
    }),
  };
}
