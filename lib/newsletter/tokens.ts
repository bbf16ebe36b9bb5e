import { hashLinkToken, isWellFormedLinkToken, newLinkToken } from "@/lib/link-tokens";

/** Newsletter link tokens (confirm, unsubscribe, and each campaign email's own unsubscribe token). */
export const newNewsletterToken = newLinkToken;
export const hashNewsletterToken = hashLinkToken;
export const isWellFormedToken = isWellFormedLinkToken;

/** The link of a confirmation email: a page whose button confirms (GET changes nothing). */
export function confirmUrl(siteUrl: string, token: string) {
  return withToken(siteUrl, "/newsletter/confirm", token);
}

/**
 * The two unsubscribe addresses of one token. `page` is the link people open (a page
 * whose button unsubscribes) and also the List-Unsubscribe URL: proxy.ts hands a mail
 * client's one-click POST there to `oneClick`, the handler (RFC 8058; see
 * app/(site)/newsletter/unsubscribe/one-click/route.ts).
 */
export function unsubscribeUrls(siteUrl: string, token: string) {
  return {
    page: withToken(siteUrl, "/newsletter/unsubscribe", token),
    oneClick: withToken(siteUrl, "/newsletter/unsubscribe/one-click", token),
  };
}

/** A newsletter email's preference page (its lists as checkboxes; GET changes nothing), keyed by the email's own token. */
export function preferencesUrl(siteUrl: string, token: string) {
  return withToken(siteUrl, "/newsletter/preferences", token);
}

/** The headers every newsletter email carries (RFC 2369 + RFC 8058), for a token of its own. */
export function listUnsubscribeHeaders(siteUrl: string, token: string): Record<string, string> {
  return {
    // The page's own address: proxy.ts hands a one-click POST there to the one-click handler.
    "List-Unsubscribe": `<${unsubscribeUrls(siteUrl, token).page}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

function withToken(siteUrl: string, path: string, token: string) {
  const url = new URL(path, siteUrl);
  url.searchParams.set("token", token);
  return url.toString();
}
