import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import { JSDOM } from "jsdom";
import { temporaryDataDir } from "../helpers/portal-server";
import { startSmtpReceiver, type SmtpReceiver } from "../helpers/smtp-receiver";
import { sessionCookieName, storedSession } from "../helpers/stored-session";
import { readMailbox } from "../helpers/wait-for-email";
import { cast, type Cast, type CastBatch, type CastOutcome } from "./cast-ballots";
import { pause } from "./pause";
import { loadPortalEnv, lockedPattern, startPortal, waitFor, withDb, type RunningPortal } from "./load-kit";

/*
 * One vote per ownership, under a race. Casts reach one server, whose transactions are
 * synchronous, so the 50 casts show that its answers stay right under a burst from several
 * clients; the paper marks come from a second process on the same database file, the race
 * between writers SQLite itself has to settle. Both rest on the roll's conditional update
 * (markVoted: only while `voted_at` is empty) inside each writer's IMMEDIATE transaction.
 */

jest.setTimeout(3 * 60_000);

const run = crypto.randomBytes(3).toString("hex");
const root = path.resolve(__dirname, "..", "..");
const CASTS = 50;
const CLIENT_PROCESSES = 3;
const ROUNDS = 20;
const staffEmail = `race-staff-${run}@coop.example`;
const ALREADY_ONLINE = /^Your household’s vote was cast on .+ online\. Each ownership votes once/;
const ALREADY_ON_PAPER = /^Your household’s vote was cast on .+ on paper\. Each ownership votes once/;

let receiver: SmtpReceiver;
let portal: RunningPortal;
const children: ChildProcess[] = [];

const write = <T>(work: Parameters<typeof withDb<T>>[1]) => withDb(portal.dataDir, work, false);
const read = <T>(work: Parameters<typeof withDb<T>>[1]) => withDb(portal.dataDir, work);

beforeAll(async () => {
  const dataDir = temporaryDataDir("election-race");
  receiver = await startSmtpReceiver({ folder: path.join(dataDir, "..", `coop-election-race-mail-${run}`) });
  portal = await startPortal({ dataDir, env: loadPortalEnv(receiver.port) });
  write((sqlite) => sqlite.prepare("insert into users (id, email, role, created_at) values (?, ?, 'staff', ?)").run(crypto.randomUUID(), staffEmail, Date.now()));
}, 15 * 60_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await portal?.stop();
  await receiver?.stop();
});

type TestElection = { id: number; slug: string; title: string; raceId: number; candidateIds: number[]; measureId: number };

/** An open election with one race (two seats of three) and one measure, as the ballot-page tests build it. */
function openElection(label: string, voters: "primary" | "any_adult"): TestElection {
  const slug = `race-${label}-${run}`;
  const title = `Race test ${label}`;
  const now = Date.now();
  return write((sqlite) => {
    const id = Number(
      sqlite
        .prepare(
          "insert into elections (slug, title, opens_at, closes_at, record_date, quorum_kind, quorum_value, voters, status, created_at, updated_at) values (?, ?, ?, ?, '2026-01-01', 'count', 1, ?, 'open', ?, ?)",
        )
        .run(slug, title, now - 3_600_000, now + 86_400_000, voters, now, now).lastInsertRowid,
    );
    const raceId = Number(sqlite.prepare("insert into election_races (election_id, position, title, seats, write_in, candidate_order) values (?, 1, 'Board', 2, 0, 'alphabetical')").run(id).lastInsertRowid);
    const candidateIds = ["Ada Apple", "Ben Beet", "Cy Chard"].map((name, index) =>
      Number(sqlite.prepare("insert into election_candidates (race_id, position, name) values (?, ?, ?)").run(raceId, index + 1, name).lastInsertRowid),
    );
    const measureId = Number(sqlite.prepare("insert into election_measures (election_id, position, title, text) values (?, 1, 'Bylaw change', 'The text.')").run(id).lastInsertRowid);
    return { id, slug, title, raceId, candidateIds, measureId };
  });
}

/** A signed-in person's session (helpers/stored-session.ts, which speaks to the portal PORTAL_DATA_DIR names). */
function signedIn(email: string) {
  process.env.PORTAL_DATA_DIR = portal.dataDir;
  try {
    const token = storedSession(email);
    const userId = read((sqlite) => sqlite.prepare("select id from users where email = ?").pluck().get(email) as string);
    return { email, userId, cookie: `${sessionCookieName}=${token}` };
  } finally {
    delete process.env.PORTAL_DATA_DIR;
  }
}

type Ownership = { ownerId: number; primary: ReturnType<typeof signedIn>; household?: ReturnType<typeof signedIn>; token: string };

/** An ownership on the election's roll, its primary owner signed in (and a household member who said yes, if asked), with the ballot link the opening would email. */
function ownershipOnRoll(election: TestElection, label: string, withHousehold = false): Ownership {
  const primary = signedIn(`race-${label}-${run}@coop.example`);
  const household = withHousehold ? signedIn(`race-${label}-household-${run}@coop.example`) : undefined;
  const token = crypto.randomBytes(32).toString("hex");
  const now = Date.now();
  const ownerId = write((sqlite) => {
    const number = sqlite.prepare("select coalesce(max(owner_number), 0) + 1 from owners").pluck().get() as number;
    const id = Number(
      sqlite
        .prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, status, created_at) values (?, ?, ?, 'monthly', '2025-01-01', 'active', ?)")
        .run(number, primary.userId, `Race ${label}`, now - 86_400_000 * 400).lastInsertRowid,
    );
    if (household) {
      sqlite.prepare("insert into owner_household_members (owner_id, name, email, user_id, joined_at) values (?, ?, ?, ?, ?)").run(id, `Household ${label}`, household.email, household.userId, now);
    }
    sqlite.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(election.id, id, now);
    sqlite
      .prepare("insert into election_ballot_links (election_id, owner_id, token_hash, expires_at) values (?, ?, ?, ?)")
      .run(election.id, id, crypto.createHash("sha256").update(token).digest("hex"), now + 86_400_000);
    return id;
  });
  return { ownerId, primary, household, token };
}

/** The ballot form's own fields as the page renders them for a link (React's action fields, slug, token). */
async function ballotFormFields(election: TestElection, token: string): Promise<[string, string][]> {
  const html = await (await fetch(`${portal.url}/elections/${election.slug}/vote?token=${token}`)).text();
  const form = [...new JSDOM(html).window.document.querySelectorAll("form")].find((candidate) => candidate.querySelector('input[name="slug"]'));
  if (!form) throw new Error(`No ballot form for ${election.slug}`);
  return [...form.querySelectorAll<HTMLInputElement>('input[type="hidden"]')].map((input) => [input.name, input.value]);
}

/** One cast as the page posts it: by the link (its token among the fields), or signed in (no token, the session cookie). */
function castBy(election: TestElection, fields: [string, string][], marks: [string, string][], by: { via: string; token?: string; cookie?: string }): Cast {
  const own = fields.filter(([name]) => name !== "token");
  return by.token
    ? { via: by.via, path: `/elections/${election.slug}/vote?token=${by.token}`, fields: [...own, ["token", by.token], ...marks] }
    : { via: by.via, path: `/elections/${election.slug}/vote`, fields: [...own, ...marks], cookie: by.cookie };
}

const marksFor = (election: TestElection, index: number): [string, string][] => [
  [`race-${election.raceId}`, String(election.candidateIds[index % 3])],
  [`measure-${election.measureId}`, ["yes", "no", "abstain"][index % 3]!],
];

/** A repository script as its own process (tsx, React Server conditions, production, on the portal's DATA_DIR), its output read line by line. */
function startScript(file: string, args: string[]) {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", file, ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: portal.dataDir },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  const waiting: ((line: string) => void)[] = [];
  const early: string[] = [];
  readline.createInterface({ input: child.stdout! }).on("line", (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else early.push(line);
  });
  const failures: ((error: Error) => void)[] = [];
  child.once("exit", (code) => {
    for (const fail of failures) fail(new Error(`${file} exited (${code}):\n${errors}`));
  });
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      if (early.length) return resolve(early.shift()!);
      waiting.push(resolve);
      failures.push(reject);
    });
  return { child, nextLine, send: (line: string) => child.stdin!.write(`${line}\n`) };
}

const countIn = (election: TestElection, table: "election_ballots" | "election_receipts") =>
  read((sqlite) => sqlite.prepare(`select count(*) from ${table} where election_id = ?`).pluck().get(election.id) as number);

const rollEntry = (election: TestElection, ownerId: number) =>
  read((sqlite) => sqlite.prepare("select voted_at as votedAt, channel from election_roll where election_id = ? and owner_id = ?").get(election.id, ownerId) as { votedAt: number | null; channel: string | null });

describe(`${CASTS} casts for one ownership at once, from ${CLIENT_PROCESSES} client processes, by its emailed link and signed in as its primary owner and a household member`, () => {
  let election: TestElection;
  let ownership: Ownership;
  let outcomes: CastOutcome[];

  beforeAll(async () => {
    election = openElection("fifty", "any_adult");
    ownership = ownershipOnRoll(election, "fifty", true);
    const fields = await ballotFormFields(election, ownership.token);
    const people = [
      { via: "token", token: ownership.token },
      { via: "primary", cookie: ownership.primary.cookie },
      { via: "household", cookie: ownership.household!.cookie },
    ];
    // Cast i comes from person i % 3 and process ⌊i / 3⌋ % 3: every process sends all three kinds.
    const batches: CastBatch[] = Array.from({ length: CLIENT_PROCESSES }, () => ({ url: portal.url, casts: [] }));
    for (let index = 0; index < CASTS; index++) batches[Math.floor(index / 3) % CLIENT_PROCESSES]!.casts.push(castBy(election, fields, marksFor(election, index), people[index % 3]!));

    const clients = batches.map((batch) => startScript("__tests__/load/cast-ballots.ts", [JSON.stringify(batch)]));
    expect(await Promise.all(clients.map((client) => client.nextLine()))).toEqual(clients.map(() => "ready"));
    for (const client of clients) client.send("go");
    outcomes = (await Promise.all(clients.map(async (client) => JSON.parse(await client.nextLine()) as CastOutcome[]))).flat();
  });

  it("answers every cast 200: one receipt code, and every other cast told the household's vote is in", () => {
    expect(outcomes).toHaveLength(CASTS);
    expect(outcomes.filter((outcome) => outcome.status !== 200)).toEqual([]);
    const accepted = outcomes.filter((outcome) => outcome.ok);
    expect(accepted.map((outcome) => outcome.receiptCode)).toEqual([expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)]);
    const misrefused = outcomes.filter((outcome) => !outcome.ok && !(outcome.code === "conflict" && ALREADY_ONLINE.test(outcome.message)));
    expect(misrefused).toEqual([]);
    console.log(`${CASTS} casts: the first counted came ${accepted[0]!.via === "token" ? "by the link" : `signed in (${accepted[0]!.via})`}; ${CASTS - 1} refused as already voted`);
  });

  it("stores one ballot, one receipt (the code answered) and one roll entry marked voted online", () => {
    const winner = outcomes.find((outcome) => outcome.ok)!;
    expect({ ballots: countIn(election, "election_ballots"), receipts: countIn(election, "election_receipts") }).toEqual({ ballots: 1, receipts: 1 });
    expect(read((sqlite) => sqlite.prepare("select code from election_receipts where election_id = ?").pluck().all(election.id))).toEqual([winner.receiptCode]);
    expect(rollEntry(election, ownership.ownerId)).toEqual({ votedAt: expect.any(Number), channel: "online" });
  });

  it("sends one receipt email, to whoever cast the counted ballot", async () => {
    const subject = `Your ballot was counted: ${election.title}`;
    const queued = () => read((sqlite) => sqlite.prepare("select status from email_outbox where subject = ?").pluck().all(subject) as string[]);
    expect(queued()).toHaveLength(1);
    await waitFor("the receipt email to be sent", () => queued()[0] === "sent");
    const winner = outcomes.find((outcome) => outcome.ok)!;
    const to = winner.via === "household" ? ownership.household!.email : ownership.primary.email;
    expect((await readMailbox(receiver.folder)).filter((email) => email.subject === subject).map((email) => email.to)).toEqual([to]);
  });

  it("leaves no SQLITE_BUSY in the server's output", () => {
    expect(portal.output().split("\n").filter((line) => lockedPattern.test(line))).toEqual([]);
  });
});

type PaperAnswer = { ownerId: number; result: { ok: true } | { ok: false; reason: string; channel?: string } };
type Round = { ownerId: number; via: string; offsetMs: number; online: CastOutcome; paper: PaperAnswer["result"]; channel: string | null; newBallots: number };

describe(`a paper mark from a second process at the same moment as an online cast, ${ROUNDS} rounds with fresh ownerships`, () => {
  let election: TestElection;
  const rounds: Round[] = [];

  beforeAll(async () => {
    election = openElection("paper", "primary");
    const warmUp = ownershipOnRoll(election, "paper-warm-up");
    const ownerships = Array.from({ length: ROUNDS }, (_, index) => ownershipOnRoll(election, `paper-${index}`));
    const fields = await ballotFormFields(election, warmUp.token);
    // The second writer, as the staff paper-mark action would write: the same service, the same IMMEDIATE transaction.
    const paper = startScript("__tests__/load/mark-on-paper.ts", [staffEmail]);
    expect(await paper.nextLine()).toBe("ready");

    // One cast alone, to learn how long the server takes to answer one. Then each round moves
    // the paper mark against the cast: later after the mark won, earlier (or the cast later)
    // after it lost, by a step that halves whenever the winner changes. The rounds so close
    // in on the moment the two writers meet, and both kinds of winner come up.
    const started = performance.now();
    expect(await cast(portal.url, castBy(election, fields, marksFor(election, 0), { via: "token", token: warmUp.token }))).toMatchObject({ ok: true });
    const castMs = performance.now() - started;
    let offsetMs = castMs / 4;
    let stepMs = Math.max(0.5, castMs / 8);

    for (const [index, ownership] of ownerships.entries()) {
      const by = index % 2 === 0 ? { via: "token", token: ownership.token } : { via: "primary", cookie: ownership.primary.cookie };
      const ballotsBefore = countIn(election, "election_ballots");
      paper.send(JSON.stringify({ electionId: election.id, ownerId: ownership.ownerId, delayMs: Math.max(0, offsetMs) }));
      const [online, paperLine] = await Promise.all([
        pause(Math.max(0, -offsetMs)).then(() => cast(portal.url, castBy(election, fields, marksFor(election, index), by))),
        paper.nextLine(),
      ]);
      const answer = JSON.parse(paperLine) as PaperAnswer;
      expect(answer.ownerId).toBe(ownership.ownerId);
      const channel = rollEntry(election, ownership.ownerId).channel;
      rounds.push({ ownerId: ownership.ownerId, via: by.via, offsetMs, online, paper: answer.result, channel, newBallots: countIn(election, "election_ballots") - ballotsBefore });
      const previous = rounds.at(-2);
      if (previous && previous.channel !== channel) stepMs = Math.max(0.25, stepMs / 2);
      offsetMs += channel === "paper" ? stepMs : -stepMs;
    }
    paper.child.stdin!.end();
    const paperWins = rounds.filter((round) => round.channel === "paper").length;
    const offsets = rounds.map((round) => round.offsetMs.toFixed(1)).join(", ");
    console.log(`Paper against online, ${ROUNDS} rounds (one cast answered in ${castMs.toFixed(0)} ms; paper mark sent later by ${offsets} ms): paper first ${paperWins}, online first ${ROUNDS - paperWins}`);
  });

  it("records exactly one vote each round: online with one new ballot, or paper with none", () => {
    const wrong = rounds.filter((round) => {
      if (round.channel === "online") return !(round.online.ok && !round.paper.ok && round.newBallots === 1);
      if (round.channel === "paper") return !(round.paper.ok && !round.online.ok && round.newBallots === 0);
      return true;
    });
    expect(wrong).toEqual([]);
    expect(rounds).toHaveLength(ROUNDS);
  });

  // Otherwise the rounds would prove only that a vote refuses the other channel after it, not a race.
  it("came out both ways over the rounds: the marks met the casts, not only before or after them", () => {
    const channels = new Set(rounds.map((round) => round.channel));
    expect(channels).toEqual(new Set(["online", "paper"]));
  });

  it("refuses the loser with when and how the vote came, never a fault", () => {
    const wrong = rounds.filter((round) =>
      round.channel === "online"
        ? !(round.paper.ok === false && round.paper.reason === "already_voted" && round.paper.channel === "online")
        : !(round.online.status === 200 && round.online.code === "conflict" && ALREADY_ON_PAPER.test(round.online.message)),
    );
    expect(wrong).toEqual([]);
    expect(rounds.filter((round) => round.online.status !== 200)).toEqual([]);
  });

  it("audits each paper mark that won, and nothing else", () => {
    const audited = read(
      (sqlite) => sqlite.prepare("select count(*) from audit_log where action = 'election.paper_vote' and subject_id = ?").pluck().get(String(election.id)) as number,
    );
    expect(audited).toBe(rounds.filter((round) => round.channel === "paper").length);
  });

  it("leaves no SQLITE_BUSY in the server's output", () => {
    expect(portal.output().split("\n").filter((line) => lockedPattern.test(line))).toEqual([]);
  });
});
