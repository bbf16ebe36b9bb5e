import path from "node:path";
import Database from "better-sqlite3";
import { callAction, hasField, scrapeForm, type ActionAnswer } from "./forms";
import { portalDataDir, portalUrl } from "./portal";
import { startPortal, temporaryDataDir, type RunningPortal } from "./portal-server";

/** Reads a portal's database without any chance of writing to it. */
export function readPortalDb<T>(work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(path.join(portalDataDir(), "coop.db"), { readonly: true });
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

/**
 * Changes a portal's database behind its back, for a state no form can reach in a test's
 * time (an invitation that expired two weeks ago). The server keeps running: WAL lets
 * both write, one at a time.
 */
export function writePortalDb<T>(work: (sqlite: Database.Database) => T): T {
  const sqlite = new Database(path.join(portalDataDir(), "coop.db"));
  sqlite.pragma("busy_timeout = 5000");
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

/** The first column of the first row of a query, e.g. a count. */
export function scalar<T = number>(sql: string, params: unknown[] = []): T {
  return readPortalDb((sqlite) => sqlite.prepare(sql).pluck().get(...params) as T);
}

/** What a stored application leaves behind, to show that a refused one left nothing. */
export function applicationFootprint() {
  return {
    applications: scalar("select count(*) from owner_applications"),
    household: scalar("select count(*) from owner_application_household"),
    submitAudits: scalar("select count(*) from audit_log where action = 'owner_application.submit'"),
  };
}

export const applicationIdOf = (email: string) =>
  scalar<number | undefined>("select id from owner_applications where email = ? order by id desc", [email.toLowerCase()]);

/**
 * A complete, valid application as the form names its fields. An override of `undefined`
 * leaves that field out, as a browser does with an unticked checkbox.
 */
export function applicationFields(email: string, overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    "applicant.name": "Robin Applicant",
    "applicant.email": email,
    "applicant.phone": "585-555-0134",
    "applicant.streetAddress": "12 Garson Ave",
    "applicant.locality": "Rochester",
    "applicant.region": "NY",
    "applicant.postalCode": "14609",
    planId: "monthly",
    "agreement.bylaws": "on",
    "agreement.dataUse": "on",
    "agreement.signature": "Robin Applicant",
    ...overrides,
  };
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

const actionFieldsByPortal = new Map<string, Promise<Record<string, string>>>();

/**
 * The hidden server-action fields of the application form, read once per portal. The
 * visible ones are left out: a scraped page would "tick" every checkbox and pick the last
 * radio button, since it reads each input's value whether checked or not.
 */
export function applicationActionFields() {
  const key = portalUrl();
  if (!actionFieldsByPortal.has(key)) {
    actionFieldsByPortal.set(
      key,
      scrapeForm("/owners/apply", "", hasField("applicant.email")).then((fields) =>
        Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith("$ACTION"))),
      ),
    );
  }
  return actionFieldsByPortal.get(key)!;
}

/** Submits the application form the way the page's JavaScript does, with any extra `headers`; answers with the action's result. */
export async function submitApplication(fields: Record<string, string>, headers?: Record<string, string>): Promise<ActionAnswer> {
  return callAction("/owners/apply", { ...(await applicationActionFields()), ...fields }, undefined, headers);
}

/**
 * Starts a portal of its own on the suite's build (demo data, mail to its outbox) and runs
 * `work` with every helper pointed at it (they read PORTAL_URL, PORTAL_DATA_DIR and
 * PORTAL_MAIL_DIR); stops it afterwards. For tests that would otherwise hold up the shared
 * portal's mail queue for the other test files, or that need its default limits.
 */
export async function withOwnPortal<T>(label: string, env: Record<string, string>, work: (portal: RunningPortal) => Promise<T>): Promise<T> {
  const portal = await startPortal({ dataDir: temporaryDataDir(label), env });
  const names = ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"] as const;
  const previous = names.map((name) => process.env[name]);
  Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: portal.dataDir, PORTAL_MAIL_DIR: path.join(portal.dataDir, "outbox") });
  try {
    return await work(portal);
  } finally {
    names.forEach((name, index) => {
      if (previous[index] === undefined) delete process.env[name];
      else process.env[name] = previous[index];
    });
    await portal.stop();
  }
}

/** Runs `work` on every item with at most `concurrency` of them in flight. */
export async function inPool<T, R>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** RFC 4180 records (quoted cells, doubled quotes, CRLF) as arrays of cells. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < csv.length; index++) {
    const char = csv[index];
    if (quoted) {
      if (char === '"' && csv[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && csv[index + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      index++;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}
