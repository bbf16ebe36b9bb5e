/** What a form sent from anywhere but this site's pages is told. */
export const NOT_FROM_OWN_PAGES = "This form can only be sent from the co-op’s own pages. Reload the page and send it again.";

/**
 * Whether a POST came from this site's own pages: its Origin names this host, as Next
 * checks for server actions (route handlers get no such check). Every current browser
 * sends Origin with a form's POST, with or without JavaScript; a request without one,
 * or with `null`, did not come from our pages.
 */
export function isFromOwnPages(headers: Headers) {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === (headers.get("x-forwarded-host") ?? headers.get("host"));
}
