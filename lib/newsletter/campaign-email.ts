import { preferencesUrl, unsubscribeUrls } from "./tokens";
import { markdownToTree } from "@/lib/markdown/to-tree";
import { escapeHtml, treeToEmailHtml, treeToEmailText } from "@/lib/markdown/to-email-html";

export type CampaignEmailContent = {
  coopName: string;
  siteUrl: string;
  subject: string;
  markdown: string;
  /** The campaign's public archive page, once it has one (a draft's test has none). */
  archiveUrl?: string;
  /** A test to staff: the subject says so. */
  test?: boolean;
  /** The names of the campaign's lists, which the footer says it came from. */
  lists?: string[];
};

/** "Sales" / "Sales and Classes" / "Sales, Classes and Owner news". */
function listPhrase(names: string[]) {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The campaign body as email HTML, without header or footer: the same for every recipient (the feed uses it too). */
export function campaignBodyHtml(markdown: string, siteUrl: string) {
  return treeToEmailHtml(markdownToTree(markdown), siteUrl);
}

/**
 * A campaign's email for any recipient: the body is rendered from Markdown (never raw
 * HTML) once, and each call adds to the footer the links of a recipient's own token (the
 * preference page and one-click unsubscribe), with why they get it and the archive link,
 * in an HTML part and a plain-text part.
 */
export function prepareCampaignEmail(content: CampaignEmailContent) {
  const tree = markdownToTree(content.markdown);
  const subject = content.test ? `[Test] ${content.subject}` : content.subject;
  const lists = content.lists ?? [];
  const why =
    lists.length === 0
      ? `You receive this email because you subscribed to the ${content.coopName} newsletter.`
      : `You receive this email because you subscribed to ${content.coopName}’s ${lists.length === 1 ? "list" : "lists"} ${listPhrase(lists.map((name) => `“${name}”`))}.`;
  const leave = lists.length === 0 ? "Unsubscribe" : `Leave ${lists.length === 1 ? "this list" : "these lists"}`;
  const bodyText = treeToEmailText(tree, content.siteUrl);
  const bodyHtml = treeToEmailHtml(tree, content.siteUrl);
  const small = "margin:0 0 8px;font-size:13px;color:#4b544e";
  const archive = content.archiveUrl
    ? `<p style="${small}"><a href="${escapeHtml(content.archiveUrl)}" style="color:#235330">Read it in your browser</a></p>`
    : "";
  return (token: string) => {
    const unsubscribeUrl = unsubscribePageUrl(content.siteUrl, token);
    const choose = preferencesUrl(content.siteUrl, token);
    const text = [
      content.subject,
      "",
      bodyText,
      "",
      "—",
      why,
      ...(content.archiveUrl ? [`Read it in your browser: ${content.archiveUrl}`] : []),
      `Choose which lists you get: ${choose}`,
      `${leave} (one click, no questions): ${unsubscribeUrl}`,
    ].join("\n");
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;background:#fbfaf5;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f2421">
<div style="max-width:600px;margin:0 auto;padding:24px">
<div style="background:#235330;color:#ffffff;padding:16px 20px;font-weight:bold;font-size:18px;border-radius:6px 6px 0 0">${escapeHtml(content.coopName)}</div>
<div style="background:#ffffff;padding:24px 20px;border:1px solid #d8ead9;border-top:0;border-radius:0 0 6px 6px">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(content.subject)}</h1>${bodyHtml}
</div>
<div style="padding:16px 4px">
<p style="${small}">${escapeHtml(why)}</p>${archive}
<p style="${small}"><a href="${escapeHtml(choose)}" style="color:#235330">Choose which lists you get</a> · <a href="${escapeHtml(unsubscribeUrl)}" style="color:#235330">${leave}</a> with one click, no questions asked.</p>
</div></div></body></html>`;
    return { subject, text, html };
  };
}

/**
 * A header phrase of plain words (RFC 5322 atoms): a quoted string would make nodemailer
 * encode the whole header value, angle brackets and all, which breaks List-Id.
 */
const atoms = (value: string) => value.replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]/g, "").replace(/\s+/g, " ").trim();

/**
 * The list headers of a campaign email: RFC 2369 List-Unsubscribe with RFC 8058's
 * one-click POST, and RFC 2919 List-Id, by which mail clients group the newsletter.
 */
export function campaignHeaders(options: { coopName: string; siteHost: string; unsubscribeUrl: string }): Record<string, string> {
  return {
    "List-Unsubscribe": `<${options.unsubscribeUrl}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "List-Id": `${atoms(`${options.coopName} newsletter`)} <newsletter.${options.siteHost}>`,
  };
}

/**
 * One Message-ID per campaign and subscriber, the same however often the message is
 * queued or sent: a copy resent after a crash folds into the first in mail clients.
 */
export function campaignMessageId(campaignId: number, subscriberId: number, siteHost: string) {
  return `<campaign-${campaignId}.subscriber-${subscriberId}@${siteHost}>`;
}

/** The unsubscribe link of an email, also its List-Unsubscribe URL (proxy.ts hands one-click POSTs there to their handler). */
export const unsubscribePageUrl = (siteUrl: string, token: string) => unsubscribeUrls(siteUrl, token).page;
export const campaignArchiveUrl = (siteUrl: string, slug: string) => `${siteUrl}/newsletter/emails/${slug}`;
