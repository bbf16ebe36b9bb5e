import { withPortalDb } from "./portal";
import { concreteUrl, routeFiles } from "./routes";

/** How far above the floor (`/bench`: the framework and the site's shell) a public page's JavaScript may go. */
export const JAVASCRIPT_BUDGET_KIB = 15;

/** A certified election's page: its results and receipt codes are a different page from an open one's. */
function certifiedElectionPath() {
  const slug = withPortalDb((db) => db.prepare("select slug from elections where status = 'certified' order by id limit 1").pluck().get());
  return typeof slug === "string" ? [`/elections/${slug}`] : [];
}

/**
 * Every page a visitor can open without a session: each page route under app/ outside the
 * staff area and /account, dynamic segments filled with a row the running portal holds
 * (and an election's page twice: open, and certified with its results).
 */
export function publicPagePaths(): string[] {
  return routeFiles()
    .filter(({ kind, pattern }) => kind === "page" && !/^\/(staff|account)(\/|$)/.test(pattern))
    .flatMap(({ pattern }) => {
      if (pattern === "/health/search") return ["/health/search?q=ginger"];
      if (pattern === "/health/search/results") return ["/health/search/results?q=ginger"];
      if (pattern === "/elections/[slug]") return [concreteUrl(pattern), ...certifiedElectionPath()];
      return [concreteUrl(pattern)];
    });
}
