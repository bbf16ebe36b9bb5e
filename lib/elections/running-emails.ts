import "server-only";
import { renderEmail } from "@/lib/email/templates";
import { formatDateTime } from "@/lib/model/format";

type Site = { coopName: string; siteUrl: string };

/**
 * To an ownership that has not voted yet, while voting is open: a fresh link to its
 * ballot (the one from the opening email stops working, since only one is kept per
 * ownership), and the same reassurance that opening it casts nothing.
 */
export function reminderEmail(site: Site, ballot: { title: string; closesAt: Date; url: string }) {
  return {
    subject: `Reminder: your vote in ${ballot.title}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `There is still time to vote in ${ballot.title}`,
      paragraphs: [
        `Our records show that your ownership has not voted in ${ballot.title} yet. Voting closes ${formatDateTime(ballot.closesAt)}, store time.`,
        "This email holds a new link to your ballot; the link in earlier emails no longer works. Opening it shows the ballot, and nothing is cast until you press the button at the end.",
        "Your vote is secret: the co-op records that your ownership voted, never how. If you have already voted on paper at the store in the last few minutes, there is nothing more to do.",
      ],
      action: { label: "Open your ballot", url: ballot.url },
      footnote: "Anyone with this link can cast your ownership's vote, so please don't forward this email. You can also vote signed in, from your account page.",
    }),
  };
}

/** To an owner who asked for it on their account page: the results are certified and published. */
export function resultsPublishedEmail(site: Site, election: { title: string; slug: string }) {
  const url = new URL(`/elections/${encodeURIComponent(election.slug)}#results`, site.siteUrl).toString();
  return {
    subject: `Results published: ${election.title}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `The results of ${election.title} are published`,
      paragraphs: [
        `The results of ${election.title} are counted and certified. The election's page shows the votes for each candidate and each measure, online and on paper, the turnout, and whether the quorum was met.`,
        "It also lists every receipt code counted: if you voted online, look for the code from your receipt email to check that your ballot was included.",
      ],
      action: { label: "See the results", url },
      footnote: "You get this email because you asked for election results on your account page. You can turn it off there.",
    }),
  };
}
