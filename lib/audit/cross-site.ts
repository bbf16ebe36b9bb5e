import { AppError } from "@/lib/model/errors";

/**
 * Whether the browser says another site started this request. Sec-Fetch-Site is set by
 * the browser and no page can change it: `cross-site` or `same-site` when a link,
 * redirect or window of another site (a sibling subdomain included) led here,
 * `same-origin` from the portal's own pages, `none` for a typed address, a bookmark or a
 * link opened from a mail program.
 *
 * A request without it passes. Current browsers send it (Chrome and Edge since 2019,
 * Firefox since 2021, Safari since 2023), but only to secure origins, https or
 * localhost: a portal served over plain http inside a store gets none, nor do curl and
 * scripts, which carry a staff session only if someone handed it to them. There the
 * session cookie's SameSite=Lax still lets another site's link carry it: staff should
 * use an up-to-date browser, and the portal https.
 */
export function startedByAnotherSite(headers: Headers) {
  const site = headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

/**
 * For route handlers whose GET writes an audit row in the signed-in person's name (staff
 * downloads): refuses, with 403, a request another site started, so that a link elsewhere
 * cannot add entries, or files, in a staff member's name. Call it before anything else.
 */
export function refuseRequestFromAnotherSite(request: Request) {
  if (startedByAnotherSite(request.headers)) {
    throw new AppError("forbidden", "This download opens only from the co-op’s staff pages, so that the audit log shows only what staff chose to open. Open it from there.");
  }
}
