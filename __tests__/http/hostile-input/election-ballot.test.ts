import crypto from "node:crypto";
import fc from "fast-check";
import { hasField, scrapeForm } from "../../helpers/forms";
import { openTestElection, type TestElection } from "../../helpers/elections";
import { CONCURRENCY, RUNS, SEED, fuzzAction, onOwnPortal, type FieldSpec } from "../../helpers/hostile";
import { withPortalDb } from "../../helpers/portal";
import { WRITE_IN_MAX } from "@/lib/model/elections";

jest.setTimeout(15 * 60_000);

/*
 * The ballot's action, castBallotAction, under hostile forms, cast by emailed link. Each
 * accepted form must cast a real ballot for a real ownership, so the election's roll holds
 * far more ownerships than there are inputs, each with a link of its own: the generator
 * draws the token from those links (at times one already used, which must be refused as a
 * second vote). Refused forms (a token or write-in that breaks its rule, a missing slug or
 * token) write nothing; afterwards every ballot stored is one a voter could have marked,
 * there is one per ownership that voted, and each accepted answer's receipt code is stored.
 */

const OWNERSHIPS = Math.max(RUNS, 50);
const run = crypto.randomBytes(4).toString("hex");
const DAY = 86_400_000;
const count = (sql: string, ...params: unknown[]) => withPortalDb((db) => db.prepare(sql).pluck().get(...params) as number);

onOwnPortal("hostile-ballot");

let election: TestElection;
let tokens: string[] = [];
let acceptedCasts = 0;

beforeAll(() => {
  election = openTestElection(`hostile-${run}`);
  // Ownerships of their own (not the demo one, left to vote by hand), each on the roll with a link.
  tokens = withPortalDb((db) =>
    db.transaction(() => {
      const now = Date.now();
      const first = Number(db.prepare("select coalesce(max(owner_number), 0) + 1 from owners").pluck().get());
      return Array.from({ length: OWNERSHIPS }, (_, index) => {
        const userId = crypto.randomUUID();
        db.prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?)").run(userId, `ballot-${index}-${run}@fuzz.example`, now);
        const ownerId = db
          .prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, status, created_at) values (?, ?, ?, 'full', '2026-01-01', 'active', ?)")
          .run(first + index, userId, `Fuzz owner ${index}`, now - 10 * DAY).lastInsertRowid;
        db.prepare("insert into election_roll (election_id, owner_id, added_at) values (?, ?, ?)").run(election.id, ownerId, now);
        const token = crypto.randomBytes(32).toString("hex");
        db.prepare("insert into election_ballot_links (election_id, owner_id, token_hash, expires_at) values (?, ?, ?, ?)").run(
          election.id,
          ownerId,
          crypto.createHash("sha256").update(token).digest("hex"),
          now + DAY,
        );
        return token;
      });
    })(),
  );
});

afterAll(() => {
  console.log(`hostile-input ballot: seed ${SEED}, ${RUNS} inputs, ${CONCURRENCY} at once, ${acceptedCasts} ballots cast`);
});

/** What a cast writes: the election's ballots, receipts and marked roll entries, its links, the mail queue and the audit log. */
const footprint = () => ({
  ballots: count("select count(*) from election_ballots where election_id = ?", election.id),
  receipts: count("select count(*) from election_receipts where election_id = ?", election.id),
  voted: count("select count(*) from election_roll where election_id = ? and voted_at is not null", election.id),
  links: count("select count(*) from election_ballot_links where election_id = ?", election.id),
  outbox: count("select count(*) from email_outbox"),
  audit: count("select count(*) from audit_log"),
});

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

describe(`the ballot's action under hostile forms (${RUNS} inputs)`, () => {
  it("refuses what breaks its rules and writes nothing for it; stores only ballots a voter could mark, one per ownership", async () => {
    const linkPath = `/elections/${election.slug}/vote?token=${tokens[0]}`;
    const form = await scrapeForm(linkPath, "", hasField("slug"));
    // The scraped form "ticks" every checkbox and picks the last radio: only its action fields are kept.
    const actionFields = Object.fromEntries(Object.entries(form).filter(([name]) => name.startsWith("$ACTION")));
    const race = `race-${election.raceId}`;
    const receiptCodes: string[] = [];
    const specs: FieldSpec[] = [
      // Every token but an emailed one is refused; one left out asks for a session, and there is none.
      { name: "token", kind: "text", max: 200, required: true, valid: fc.constantFrom(...tokens), fresh: true },
      { name: "slug", kind: "other", required: true, valid: fc.constant(election.slug) },
      { name: race, kind: "other", required: false, valid: fc.constantFrom(...election.candidateIds.map(String)) },
      { name: `${race}-write-in`, kind: "text", max: WRITE_IN_MAX, required: false },
      { name: `measure-${election.measureId}`, kind: "other", required: false, valid: fc.constantFrom("yes", "no", "abstain", "") },
    ];
    const before = footprint();
    const { accepted } = await fuzzAction({
      label: "ballot by link",
      path: linkPath,
      form: actionFields,
      base: { token: tokens[0]!, slug: election.slug, [race]: String(election.candidateIds[0]), [`measure-${election.measureId}`]: "yes" },
      specs,
      footprint,
      perAccepted: { ballots: 1, receipts: 1, voted: 1, outbox: 1, audit: 0, links: 0 },
      onAccepted: async (_input, answered) => {
        const data = (answered.answer as { data?: { receiptCode?: string } }).data;
        if (!data?.receiptCode) throw new Error(`accepted without a receipt code: ${JSON.stringify(answered.answer)}`);
        receiptCodes.push(data.receiptCode);
      },
    });

    acceptedCasts = accepted;
    // Enough accepted casts to mean something, each one ownership's only ballot.
    expect(accepted).toBeGreaterThan(RUNS / 10);
    const after = footprint();
    expect(after).toMatchObject({ ballots: before.ballots + accepted, receipts: before.receipts + accepted, voted: before.voted + accepted, links: before.links });
    const stored = withPortalDb((db) => db.prepare("select code from election_receipts where election_id = ?").pluck().all(election.id) as string[]);
    expect(new Set(receiptCodes).size).toBe(accepted);
    expect(receiptCodes.filter((code) => !stored.includes(code))).toEqual([]);

    // Every stored ballot is one the ballot offered: listed candidates, no more marks than seats, tidy write-ins, an answer or none.
    const ballots = withPortalDb((db) => db.prepare("select choices from election_ballots where election_id = ?").pluck().all(election.id) as string[]).map(
      (json) => JSON.parse(json) as { races: Record<string, { candidates: number[]; writeIns: string[] }>; measures: Record<string, string> },
    );
    const offences = ballots.flatMap((ballot) => {
      const marked = ballot.races[String(election.raceId)];
      const wrong: string[] = [];
      if (!marked || Object.keys(ballot.races).length !== 1) wrong.push("races");
      if (marked?.candidates.some((id) => !election.candidateIds.includes(id))) wrong.push("candidate");
      if (marked && marked.candidates.length + marked.writeIns.length > 2) wrong.push("over-vote");
      if (marked?.writeIns.some((name) => name === "" || name !== name.trim() || [...name].length > WRITE_IN_MAX || CONTROL_CHARACTERS.test(name))) wrong.push("write-in");
      if (Object.entries(ballot.measures).some(([id, answer]) => id !== String(election.measureId) || !["yes", "no", "abstain"].includes(answer))) wrong.push("measure");
      return wrong.length > 0 ? [`${wrong.join(", ")}: ${JSON.stringify(ballot)}`] : [];
    });
    expect(offences).toEqual([]);
  });
});
