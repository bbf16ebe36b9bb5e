import fs from "node:fs";
import path from "node:path";
import { withPortalDb } from "./portal";

const root = path.resolve(__dirname, "..", "..");

export type RouteFile = { file: string; kind: "page" | "handler"; pattern: string };

/**
 * Every page and route handler under app/, read from disk, with the address it answers
 * at: route groups `(…)` dropped, dynamic segments kept as written (`/staff/jobs/[id]`).
 */
export function routeFiles(): RouteFile[] {
  const files = fs.readdirSync(path.join(root, "app"), { recursive: true }) as string[];
  return files
    .filter((file) => /(^|\/)(page\.tsx|route\.ts)$/.test(file))
    .map((file) => {
      const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      return { file: `app/${file}`, kind: file.endsWith("route.ts") ? ("handler" as const) : ("page" as const), pattern: `/${segments.join("/")}` };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** Every exported function of every `"use server"` module under lib/actions/, as `file#name`. */
export function exportedActions(): string[] {
  const folder = path.join(root, "lib", "actions");
  return fs
    .readdirSync(folder)
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => {
      const source = fs.readFileSync(path.join(folder, file), "utf8");
      if (!/^["']use server["'];?\s*$/m.test(source.split("\n").find((line) => line.trim() !== "") ?? "")) return [];
      return [...source.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(\w+)/gm)].map(([, name]) => `lib/actions/${file}#${name}`);
    })
    .sort();
}

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

/**
 * The ids the build gave the server actions, by `file#name`, with a page that can run
 * each (the portal under test runs this worktree's build).
 */
export function builtActions(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    // A page with the fewest dynamic segments: fewer rows to look up.
    const workers = Object.keys(entry.workers)
      .filter((worker) => worker.endsWith("/page"))
      .map((worker) => `/${worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`)
      .sort((a, b) => (a.match(/\[/g)?.length ?? 0) - (b.match(/\[/g)?.length ?? 0) || a.length - b.length);
    found.set(`${entry.filename}#${entry.exportedName}`, { id, page: workers[0]! });
  }
  return found;
}

/** Which table fills an `[id]` segment, by the segment before it. */
const idTables: Record<string, string> = {
  jobs: "jobs",
  applicants: "job_applications",
  monographs: "monographs",
  campaigns: "newsletter_campaigns",
  outbox: "email_outbox",
  owners: "owners",
  applications: "owner_applications",
  elections: "elections",
};

/** Which row fills a `[slug]` segment, by the segment before it: one that the public can see. */
const slugQueries: Record<string, string> = {
  health: "select slug from monographs where status = 'published' order by id limit 1",
  jobs: "select slug from jobs where status = 'published' order by id limit 1",
  emails: "select slug from newsletter_campaigns where status = 'sent' order by id limit 1",
  issues: "select slug from newsletter_issues order by id limit 1",
  about: "select substr(slug, 7) from pages where slug like 'about/%' order by slug limit 1",
  elections: "select slug from elections where status = 'open' order by id limit 1",
};

/**
 * A concrete address for a route pattern, each dynamic segment filled with a row that
 * exists (so that an answer is about who asks, not about a missing row). `ids` overrides
 * the row for an `[id]` segment by the segment before it.
 */
export function concreteUrl(pattern: string, ids: Record<string, number> = {}): string {
  const segments = pattern.split("/");
  return segments
    .map((segment, index) => {
      const parent = segments[index - 1]!;
      if (segment === "[...nextauth]") return "session";
      if (segment === "[...slug]") return "about";
      if (segment === "[id]") {
        if (ids[parent] !== undefined) return String(ids[parent]);
        const table = idTables[parent];
        if (!table) throw new Error(`No table known for [id] after ${parent} in ${pattern}: add it to idTables`);
        return String(withPortalDb((db) => db.prepare(`select min(id) from ${table}`).pluck().get()));
      }
      if (segment === "[slug]") {
        const query = slugQueries[parent];
        if (!query) throw new Error(`No row known for [slug] after ${parent} in ${pattern}: add it to slugQueries`);
        return String(withPortalDb((db) => db.prepare(query).pluck().get()));
      }
      if (segment.startsWith("[")) throw new Error(`No value known for ${segment} in ${pattern}`);
      return segment;
    })
    .join("/");
}
