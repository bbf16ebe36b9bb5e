import "server-only";
import { renderEmail } from "@/lib/email/templates";

type Site = { coopName: string; siteUrl: string };

/**
 * To whoever cast an ownership's ballot online: that it was counted, and the receipt code
 * to look for once the results are published. It never repeats the choices: a mailbox is
 * read, forwarded and kept by others, and a ballot stays secret there too.
 */
export function ballotReceiptEmail(site: Site, election: { title: string; slug: string }, receiptCode: string) {
  const resultsUrl = new URL(`/elections/${encodeURIComponent(election.slug)}#results`, site.siteUrl).toString();
  return {
    subject: `Your ballot was counted: ${election.title}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: "Your ballot was counted",
      paragraphs: [
        `Thank you for voting in “${election.title}”. Your household's ballot is in the count.`,
        `Your receipt code is ${receiptCode}. Keep this email.`,
        "Once the results are certified, the results page lists every receipt code counted. Find yours there to check that your ballot was included. The code shows only that a ballot was counted, never what it said: nobody, staff included, can tell from it how you voted.",
      ],
      action: { label: "Results, once published", url: resultsUrl },
      footnote: "You get this email because someone cast your ownership's ballot online. If it was not you or someone in your household, reply to this email and tell us.",
    }),
  };
}
