import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { JSDOM } from "jsdom";
import { callAction } from "../helpers/forms";
import { addOwnership, approveDemoOwnershipDaysAgo, ballotFormFields, draftElection, onElectionPortal, type TestElection } from "../helpers/elections";
import { text } from "../helpers/html";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitFor } from "../helpers/wait-for";
import { waitForEmail } from "../helpers/wait-for-email";

jest.setTimeout(180_000);

/*
 * No running tally anywhere before the close. Eight of ten ownerships vote in an election
 * the portal opened, with counts no page has a reason to show: Zed Zucchini 7, Ann
 * Arugula 1, Bo Bokchoy 0; on the measure 5 yes, 3 no. Then every page that could show a
 * count is read, as the public, as a voter, as one yet to vote and as an admin (every
 * staff election page and route there is, found in app/): none has a results section, a
 * table of choices, a per-choice count beside a name or an answer. Turnout, which is
 * public, shows 8 of 10, so the pages read are the ones after the votes. A portal of this
 * file's own: it adds nine ownerships.
 */

const run = crypto.randomBytes(4).toString("hex");
const ZED = "Zed Zucchini";
const ANN = "Ann Arugula";
const voters = Array.from({ length: 9 }, (_, index) => `tally-${index}-${run}@coop.example`);
let election: TestElection;

onElectionPortal("election-no-tally", {
  prepare: () => {
    approveDemoOwnershipDaysAgo(10);
    for (const email of voters) addOwnership(email, 10);
    election = draftElection("no-tally", { seats: 2, candidates: [ZED, ANN, "Bo Bokchoy"] });
  },
});

/**
 * Where a page shows a count for a choice: the smallest block holding `label`, with the
 * block after it (a table row, a list item, a dt and its dd), holding `count` as a number.
 */
function countsNear(document: Document, label: string, count: number) {
  const found: string[] = [];
  const walker = document.createTreeWalker(document.body, document.defaultView!.NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!new RegExp(`\\b${label}\\b`).test(node.textContent ?? "")) continue;
    const block = node.parentElement?.closest("tr, li, dt, dd, p, label, td, th, h2, h3, h4, div");
    if (!block) continue;
    const near = `${text(block)} ${text(block.nextElementSibling)}`;
    if (new RegExp(`(^|[^\\d:.,/-])${count}([^\\d:.,/-]|$)`).test(near)) found.push(near.slice(0, 200));
  }
  return found;
}

/** Every trace of a tally on a page: a results section, a table naming a candidate, a count beside a choice, a meter other than turnout's. */
function tallyTraces(html: string) {
  const document = new JSDOM(html).window.document;
  const traces: string[] = [];
  for (const element of document.querySelectorAll('#results, [aria-labelledby="results"], #receipt-codes, [aria-labelledby="receipt-codes"]')) traces.push(`results section ${element.outerHTML.slice(0, 80)}`);
  for (const table of document.querySelectorAll("table")) if ([ZED, ANN].some((name) => text(table).includes(name))) traces.push(`table ${text(table).slice(0, 120)}`);
  for (const meter of document.querySelectorAll("meter")) if (meter.id !== "turnout-meter") traces.push(`meter ${meter.outerHTML}`);
  traces.push(...countsNear(document, ZED, 7), ...countsNear(document, "Yes", 5), ...countsNear(document, "No", 3));
  if (/\b\d+ votes?\b|\bElected\b/.test(text(document.body))) traces.push(`words of a tally: ${/.{0,40}(\b\d+ votes?\b|\bElected\b).{0,40}/.exec(text(document.body))?.[0]}`);
  return traces;
}

/** The staff pages and routes under /staff/elections, as app/ holds them, with the election's id or slug in their dynamic segments. */
function staffElectionPaths() {
  const app = path.resolve(__dirname, "..", "..", "app");
  const files = (fs.readdirSync(app, { recursive: true }) as string[]).filter((file) => /(^|\/)staff\/elections(\/|$)/.test(file) && /\/(page\.tsx|route\.ts)$/.test(file));
  const paths: string[] = [];
  for (const file of files) {
    const segments = path.dirname(file).split(path.sep).filter((segment) => !/^\(.*\)$/.test(segment));
    const filled = segments.map((segment) => (/^\[(id|electionId)\]$/.test(segment) ? String(election.id) : /^\[(slug|electionSlug)\]$/.test(segment) ? election.slug : segment));
    // A page of another record (a batch, an ownership) has nothing of this election's to show here.
    if (filled.some((segment) => segment.startsWith("["))) continue;
    paths.push(`/${filled.join("/")}`);
  }
  return paths.sort();
}

async function read(urlPath: string, cookie?: string) {
  const response = await fetch(portalUrl(urlPath), { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
}

beforeAll(async () => {
  await waitFor("the opener to open the draft", () => withPortalDb((sqlite) => sqlite.prepare("select status from elections where id = ?").pluck().get(election.id) === "open"), 20_000, 200);
  const votePath = `/elections/${election.slug}/vote`;
  const { token: _token, ...fields } = await ballotFormFields(votePath, storedSessionCookie(voters[0]!));
  for (const [index, email] of voters.slice(0, 8).entries()) {
    const answer = await callAction(
      votePath,
      { ...fields, [`race-${election.raceId}`]: String(election.candidateIds[index < 7 ? 0 : 1]), [`measure-${election.measureId}`]: index < 5 ? "yes" : "no" },
      storedSessionCookie(email),
    );
    expect(answer).toMatchObject({ ok: true });
  }
});

describe("no tally before the close", () => {
  it("the check finds a count beside a name, in a table or in words (so that finding none means something)", () => {
    expect(tallyTraces(`<main><table><tr><td>${ZED}</td><td>7</td></tr></table></main>`).length).toBeGreaterThan(0);
    expect(countsNear(new JSDOM(`<ul><li>${ZED}: 7 votes</li></ul>`).window.document, ZED, 7)).toHaveLength(1);
    expect(countsNear(new JSDOM(`<dl><dt>Yes</dt><dd>5</dd></dl>`).window.document, "Yes", 5)).toHaveLength(1);
    expect(tallyTraces(`<p>${ZED}</p><p>Voting closes December 7, 2026, 5:07 PM.</p>`)).toEqual([]);
  });

  it("the public pages show turnout (8 of 10) and no count of any choice", async () => {
    const page = await waitFor("the election page with the eight votes", async () => {
      const { body } = await read(`/elections/${election.slug}`);
      return text(new JSDOM(body).window.document.querySelector('label[for="turnout-meter"]')).startsWith("8 of 10") && body;
    });
    expect(text(new JSDOM(page).window.document.body)).toContain(ZED);
    expect(tallyTraces(page)).toEqual([]);
    const list = await read("/elections");
    expect(list.status).toBe(200);
    expect(tallyTraces(list.body)).toEqual([]);
  });

  it("the ballot page and /account show none, to a voter who voted and to one who has not", async () => {
    const demoLink = /https?:\/\/\S+?\/vote\?token=[0-9a-f]{64}/.exec((await waitForEmail("owner@coop.example", (email) => email.subject.startsWith("Your ballot:"))).text)![0];
    const pages = [
      ["vote page, voted", `/elections/${election.slug}/vote`, storedSessionCookie(voters[0]!)],
      ["vote page, not voted", `/elections/${election.slug}/vote`, storedSessionCookie(voters[8]!)],
      ["vote page by link, not voted", new URL(demoLink).pathname + new URL(demoLink).search, undefined],
      ["account, voted", "/account", storedSessionCookie(voters[7]!)],
      ["account, not voted", "/account", storedSessionCookie("owner@coop.example")],
    ] as const;
    for (const [label, urlPath, cookie] of pages) {
      const { status, body } = await read(urlPath, cookie);
      expect({ label, status }).toEqual({ label, status: 200 });
      expect({ label, traces: tallyTraces(body) }).toEqual({ label, traces: [] });
    }
  });

  it("the staff election pages show none to an admin", async () => {
    const admin = storedSessionCookie("admin@coop.example");
    const paths = staffElectionPaths();
    console.log(`staff election pages read for a tally: ${paths.join(", ") || "none in app/ yet"}`);
    for (const urlPath of paths) {
      const { status, type, body } = await read(urlPath, admin);
      expect({ urlPath, status: status < 500 }).toEqual({ urlPath, status: true });
      const traces = type.includes("html") ? tallyTraces(body) : body.split("\n").filter((line) => line.includes(ZED) && /(^|\D)7(\D|$)/.test(line));
      expect({ urlPath, traces }).toEqual({ urlPath, traces: [] });
    }
  });
});
