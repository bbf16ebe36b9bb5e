import crypto from "node:crypto";
import path from "node:path";
import { JSDOM } from "jsdom";
import type { FormFields } from "./forms";
import { portalUrl, withPortalDb } from "./portal";
import { copyTemplateInto, mailingPortalEnv, shiftedClockEnv, startPortal, temporaryDataDir, type RunningPortal } from "./portal-server";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

/*
 * Elections for the http and browser suites: a test election written straight to the
 * database (already open, the demo ownership on its roll), a ballot link for it, a draft
 * for the real opening to open, and a portal of a test file's own on which to open it.
 */

const run = crypto.randomBytes(4).toString("hex");
const DAY = 86_400_000;

export type TestElection = { id: number; slug: string; raceId: number; candidateIds: number[]; measureId: number };

/** The demo ownership's id (owner@coop.example is its primary owner). */
export const demoOwnerId = () =>
  withPortalDb((sqlite) => sqlite.prepare("select owners.id from owners join users on users.id = owners.user_id where users.email = ?").pluck().get("owner@coop.example") as number);

type BallotShape = { seats?: number; candidates?: string[]; writeIn?: boolean };
/** A draft's ballot, and its record date (YYYY-MM-DD) where three days ago will not do. */
type DraftShape = BallotShape & { recordDate?: string };

/** One race (shuffled) and one measure for election `id`. */
function writeBallot(sqlite: import("better-sqlite3").Database, id: number, shape: BallotShape) {
  const raceId = Number(
    sqlite
      .prepare("insert into election_races (election_id, position, title, seats, write_in, candidate_order) values (?, 1, 'Board', ?, ?, 'shuffled')")
      .run(id, shape.seats ?? 2, shape.writeIn === false ? 0 : 1).lastInsertRowid,
  );
  const candidateIds = (shape.candidates ?? ["Ada Apple", "Ben Beet", "Cy Chard"]).map((name, index) =>
    Number(sqlite.prepare("insert into election_candidates (race_id, position, name) values (?, ?, ?)").run(raceId, index + 1, name).lastInsertRowid),
  );
  const measureId = Number(sqlite.prepare("insert into election_measures (election_id, position, title, text) values (?, 1, 'Bylaw change', 'The text.')").run(id).lastInsertRowid);
  return { raceId, candidateIds, measureId };
}

/**
 * An open election with one race (two seats of three, shuffled, write-ins allowed) and one
 * measure; the demo ownership on its roll. Written straight to the database, as if opened
 * an hour ago: no ballot email goes out.
 */
export function openTestElection(label: string, voters: "primary" | "any_adult" = "primary"): TestElection {
  const slug = `votes-${label}-${run}`;
  const now = Date.now();
  return withPortalDb((sqlite) => {
    const id = Number(
      sqlite
        .prepare(
          "insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, voters, status, created_at, updated_at) values (?, ?, ?, ?, '2026-01-01', 'count', 1, ?, 'open', ?, ?)",
        )
        .run(slug, `Test election ${label}`, now - 3_600_000, now + DAY, voters, now, now).lastInsertRowid,
    );
    const ballot = writeBallot(sqlite, id, {});
    sqlite.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(id, demoOwnerId(), now);
    return { id, slug, ...ballot };
  });
}

/**
 * A draft whose window began an hour ago, for the portal's opener (which runs at start and
 * every ELECTION_CHECK_MS, a second in the tests) to open for real: roll, ballot links and ballot emails. Its record date is
 * three days ago unless given, so only ownerships approved before then are on the roll.
 */
export function draftElection(label: string, shape: DraftShape = {}): TestElection {
  const slug = `draft-${label}-${run}`;
  const now = Date.now();
  const recordDate = shape.recordDate ?? new Date(now - 3 * DAY).toISOString().slice(0, 10);
  return withPortalDb((sqlite) => {
    const id = Number(
      sqlite
        .prepare(
          "insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, created_at, updated_at) values (?, ?, ?, ?, ?, 'count', 1, ?, ?)",
        )
        .run(slug, `Test election ${label}`, now - 3_600_000, now + DAY, recordDate, now, now).lastInsertRowid,
    );
    return { id, slug, ...writeBallot(sqlite, id, shape) };
  });
}

/**
 * An active ownership with `email` as its primary owner, approved (its owner row created)
 * `daysAgo` days ago. Answers its id.
 */
export function addOwnership(email: string, daysAgo: number): number {
  return withPortalDb((sqlite) => {
    const userId = crypto.randomUUID();
    const createdAt = Date.now() - daysAgo * DAY;
    sqlite.prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?)").run(userId, email, createdAt);
    const number = Number(sqlite.prepare("select coalesce(max(owner_number), 0) + 1 from owners").pluck().get());
    const joinedOn = new Date(createdAt).toISOString().slice(0, 10);
    return Number(
      sqlite
        .prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, status, created_at) values (?, ?, ?, 'full', ?, 'active', ?)")
        .run(number, userId, `Owner ${number}`, joinedOn, createdAt).lastInsertRowid,
    );
  });
}

/** Backdates the demo ownership's approval, so that it is on the roll of a record date `daysAgo` days ago or later. */
export function approveDemoOwnershipDaysAgo(daysAgo: number) {
  withPortalDb((sqlite) => sqlite.prepare("update owners set created_at = ? where user_id = (select id from users where email = 'owner@coop.example')").run(Date.now() - daysAgo * DAY));
}

/** A ballot link for an ownership (the demo one unless given), as the opening would email it. */
export function ballotLink(election: TestElection, ownerId = demoOwnerId()) {
  const token = crypto.randomBytes(32).toString("hex");
  const hash = crypto.createHash("sha256").update(token).digest("hex");
  withPortalDb((sqlite) =>
    sqlite.prepare("insert into election_ballot_links (election_id, owner_id, token_hash, expires_at) values (?, ?, ?, ?)").run(election.id, ownerId, hash, Date.now() + DAY),
  );
  return `/elections/${election.slug}/vote?token=${token}`;
}

/** What a cast could change: the election's ballots, receipts, roll and links, and the mail queue. */
export const electionState = (election: { id: number }) =>
  withPortalDb((sqlite) => ({
    ballots: sqlite.prepare("select count(*) from election_ballots where election_id = ?").pluck().get(election.id) as number,
    receipts: sqlite.prepare("select count(*) from election_receipts where election_id = ?").pluck().get(election.id) as number,
    voted: sqlite.prepare("select count(*) from election_roll where election_id = ? and voted_at is not null").pluck().get(election.id) as number,
    links: sqlite.prepare("select count(*) from election_ballot_links where election_id = ?").pluck().get(election.id) as number,
    outbox: sqlite.prepare("select count(*) from email_outbox").pluck().get() as number,
  }));

/** A page as a browser without JavaScript gets it, parsed. */
export const ballotPage = async (urlPath: string, cookie?: string) => {
  const response = await fetch(portalUrl(urlPath), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  return { response, document: new JSDOM(await response.text()).window.document };
};

/** The ballot form's own fields as a browser without JavaScript posts them: the hidden ones (React's action fields, slug, token). */
export async function ballotFormFields(urlPath: string, cookie?: string): Promise<FormFields> {
  const { document } = await ballotPage(urlPath, cookie);
  const form = [...document.querySelectorAll("form")].find((candidate) => candidate.querySelector('input[name="slug"]'));
  if (!form) throw new Error(`No ballot form on ${urlPath}`);
  const fields: FormFields = {};
  for (const input of form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')) fields[input.name] = input.value;
  return fields;
}

/** Posts the ballot as a browser without JavaScript does (multipart, the choices as repeated fields), and reads the page it answers with. */
export async function castWithoutJavaScript(urlPath: string, fields: FormFields, choices: [string, string][], cookie?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, value] of choices) body.append(name, value);
  const response = await fetch(portalUrl(urlPath), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
  expect(response.status).toBe(200);
  return new JSDOM(await response.text()).window.document;
}

export const receiptCodeOn = (document: Document) => document.querySelector("[data-receipt-code]")?.textContent?.trim() ?? null;

/**
 * Runs the calling test file on a demo portal of its own with an SMTP receiver (the shared
 * helpers follow PORTAL_URL and its siblings), for files that add ownerships or move the
 * clock, which the shared portal's other files must not meet. `prepare` writes to the
 * database before the portal starts, so that the opener's first run, at start, opens the
 * drafts it adds. With `clockFile`, the portal's clock runs ahead by the milliseconds
 * written there (helpers/shifted-clock.cjs). Call it first in the file, before other hooks.
 */
export function onElectionPortal(label: string, options: { prepare?: (dataDir: string) => void; clockFile?: (dataDir: string) => string } = {}) {
  const names = ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"] as const;
  const saved = names.map((name) => process.env[name]);
  let portal: RunningPortal | undefined;
  let receiver: SmtpReceiver | undefined;
  beforeAll(async () => {
    const dataDir = temporaryDataDir(label);
    copyTemplateInto(dataDir);
    receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail") });
    Object.assign(process.env, { PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: receiver.folder });
    options.prepare?.(dataDir);
    // With a clock that tests move to and fro, the server's election loop would close the
    // election the moment the clock passed its close; on such a portal it runs at start
    // (which opens the drafts prepared above) and then only hourly.
    const clock = options.clockFile ? { ...shiftedClockEnv(options.clockFile(dataDir)), ELECTION_CHECK_MS: String(3_600_000) } : {};
    portal = await startPortal({ dataDir, env: mailingPortalEnv(receiver.port, clock) });
    process.env.PORTAL_URL = portal.url;
  }, 15 * 60_000);
  afterAll(async () => {
    names.forEach((name, index) => {
      if (saved[index] === undefined) delete process.env[name];
      else process.env[name] = saved[index];
    });
    await portal?.stop();
    await receiver?.stop();
  });
  return { portal: () => portal! };
}
