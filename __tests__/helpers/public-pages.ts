import { concreteUrl, routeFiles } from "./routes";

/** How far above the floor (`/bench`: the framework and the site's shell) a public page's JavaScript may go. */
export const JAVASCRIPT_BUDGET_KIB = 15;

/**
 * Every page a visitor can open without a session: each page route under app/ outside the
 * staff area and /account, dynamic segments filled with a row the running portal holds.
 */
export function publicPagePaths(): string[] {
  return routeFiles()
    .filter(({ kind, pattern }) => kind === "page" && !/^\/(staff|account)(\/|$)/.test(pattern))
    .map(({ pattern }) => (pattern === "/health/search" ? "/health/search?q=ginger" : concreteUrl(pattern)));
}
