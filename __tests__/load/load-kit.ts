import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { JSDOM } from "jsdom";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { startPortal, type RunningPortal } from "../helpers/portal-server";

const root = path.resolve(__dirname, "..", "..");

/** `npm run test:load -- --full` sets LOAD_FULL=1: the figures docs/reliability.md quotes. */
export const fullRun = process.env.LOAD_FULL === "1";

export const CONCURRENCY = 30;

export type Kind = "signup" | "owner" | "job";
export const kinds: Kind[] = ["signup", "owner", "job"];

/** The env every load portal runs with: mail over SMTP to the test's receiver, limits raised for this portal only. */
export function loadPortalEnv(smtpPort: number, extra: Record<string, string> = {}) {
  return {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    MAIL_FROM: "Co-op portal <portal@coop.example>",
    DEMO: "1",
    SIGNIN_LIMIT_PER_IP: "100000",
    PUBLIC_FORM_LIMIT_PER_IP: "100000",
    PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: "1000000",
    ...extra,
  };
}

export function openDb(dataDir: string, readonly = true) {
  const sqlite = new Database(path.join(dataDir, "coop.db"), { readonly });
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

export function withDb<T>(dataDir: string, work: (sqlite: Database.Database) => T, readonly = true): T {
  const sqlite = openDb(dataDir, readonly);
  try {
    return work(sqlite);
  } finally {
    sqlite.close();
  }
}

export const integrityCheck = (dataDir: string) => withDb(dataDir, (sqlite) => sqlite.pragma("integrity_check", { simple: true }));

/** An open posting written before its apply page is first requested, so the page cache reads it as it is. */
export function insertOpenPosting(dataDir: string, slug: string) {
  return withDb(
    dataDir,
    (sqlite) => {
      const now = Date.now();
      return (
        sqlite
          .prepare(
            `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, published_at, created_at, updated_at)
             values (?, ?, 'Produce', 'part_time', '20–30 hours a week', 1650, 'hour', 'The store', 'Keep the produce fresh.', '2099-12-31', 'published', ?, ?, ?) returning id`,
          )
          .get(slug, `Produce clerk ${slug}`, now, now, now) as { id: number }
      ).id;
    },
    false,
  );
}

async function readForm(url: string, pick: (form: HTMLFormElement) => boolean) {
  const html = await (await fetch(url)).text();
  const form = [...new JSDOM(html).window.document.querySelectorAll("form")].find(pick);
  if (!form) throw new Error(`No matching form on ${url}`);
  const fields: Record<string, string> = {};
  for (const element of form.querySelectorAll<HTMLInputElement>("input, textarea, select")) if (element.name) fields[element.name] = element.value;
  return { action: form.getAttribute("action") ?? "", fields };
}

const formFields = async (url: string, pick: (form: HTMLFormElement) => boolean) => (await readForm(url, pick)).fields;

const actionFieldsOnly = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith("$ACTION")));

/** A résumé as a real one-page PDF, different for each applicant. */
export async function resumePdf(name: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(`${name} - ten years in retail`, { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

export type Submission = { kind: Kind; index: number; email: string; resume?: Buffer; resumeText?: string };

export type Outcome = {
  submission: Submission;
  /** HTTP status, or "no answer" when the connection failed (a killed server). */
  status: number | "no answer";
  /** What the action said: stored (a redirect to thanks, or ok), or refused with its message. */
  stored: boolean;
  detail: string;
  /** The action's message on the résumé field, if any. */
  resumeError?: string;
  ms: number;
  /** Date.now() when the answer came. */
  at: number;
};

/** The three forms as the pages render them, read once per portal; the job application posts to its upload route (`jobRoute`). */
export type Forms = { signup: Record<string, string>; owner: Record<string, string>; job: Record<string, string>; jobPath: string; jobRoute: string };

export async function readForms(url: string, jobSlug: string): Promise<Forms> {
  const jobPath = `/jobs/${jobSlug}/apply`;
  const signup = actionFieldsOnly(await formFields(`${url}/visit`, (form) => !!form.querySelector('[name="firstName"]')));
  const owner = actionFieldsOnly(await formFields(`${url}/owners/apply`, (form) => !!form.querySelector('[name="applicant.email"]')));
  const jobForm = await readForm(`${url}${jobPath}`, (form) => !!form.querySelector('[name="resumeText"]'));
  const { resume: _file, isOwner: _unticked, ...job } = jobForm.fields;
  return { signup, owner, job, jobPath, jobRoute: jobForm.action };
}

export function plan(run: string, counts: Record<Kind, number>): Submission[] {
  const submissions = kinds.flatMap((kind) =>
    Array.from({ length: counts[kind] }, (_, index): Submission => ({ kind, index, email: `load-${kind}-${run}-${index}@coop.example` })),
  );
  // Spread evenly, so the three kinds are in flight together from the first request to the last.
  const place = (submission: Submission) => (submission.index + 0.5) / counts[submission.kind];
  return submissions.sort((a, b) => place(a) - place(b));
}

function fieldsOf(forms: Forms, submission: Submission): [string, Record<string, string | Blob>] {
  const { kind, index, email } = submission;
  if (kind === "signup") return ["/visit", { ...forms.signup, email, firstName: `Reader${index}` }];
  if (kind === "owner") {
    return [
      "/owners/apply",
      {
        ...forms.owner,
        "applicant.name": `Robin Loadtest ${index}`,
        "applicant.email": email,
        "applicant.phone": "585-555-0134",
        "applicant.streetAddress": `${index + 1} Garson Ave`,
        "applicant.locality": "Rochester",
        "applicant.region": "NY",
        "applicant.postalCode": "14609",
        "household.0.name": `Sam Loadtest ${index}`,
        "household.0.email": email.replace("load-owner", "load-housemate"),
        planId: "monthly",
        "agreement.bylaws": "on",
        "agreement.dataUse": "on",
        "agreement.signature": `Robin Loadtest ${index}`,
      },
    ];
  }
  return [
    forms.jobRoute,
    {
      ...forms.job,
      name: `Rosa Loadtest ${index}`,
      email,
      phone: "585-555-0134",
      availability: "Weekday evenings",
      coverLetter: "I love this store.",
      ...(submission.resume
        ? { resume: new File([new Uint8Array(submission.resume)], `CV ${index}.pdf`, { type: "application/pdf" }) }
        : { resumeText: submission.resumeText ?? "" }),
    },
  ];
}

/**
 * Posts one form the way the page's script sends it, and classifies the answer without
 * throwing: the signup and the owner application to their server actions (React's reply
 * encoding; see helpers/forms.ts callAction), the job application to its upload route
 * (multipart, asking for JSON).
 */
export async function submit(url: string, forms: Forms, submission: Submission): Promise<Outcome> {
  if (submission.kind === "job") return submitToRoute(url, forms, submission);
  const [pagePath, fields] = fieldsOf(forms, submission);
  const reference = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  const actionId = (JSON.parse(String(reference![1])) as { id: string }).id;
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"]));
  const started = performance.now();
  try {
    const response = await fetch(`${url}${pagePath}`, {
      method: "POST",
      body,
      redirect: "manual",
      headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: url },
    });
    const text = await response.text();
    const ms = performance.now() - started;
    const redirect = response.headers.get("x-action-redirect");
    const answerRow = /^1:(.*)$/m.exec(text)?.[1];
    let stored = false;
    let detail = redirect ?? "";
    let resumeError: string | undefined;
    if (redirect) stored = /\/thanks(;|$)/.test(redirect);
    else if (answerRow) {
      try {
        const answer = JSON.parse(answerRow) as { ok?: boolean; message?: string; fieldErrors?: Record<string, string[]> };
        stored = answer.ok === true;
        detail = answer.message ?? answerRow.slice(0, 200);
        resumeError = answer.fieldErrors?.resume?.join(" ");
      } catch {
        detail = answerRow.slice(0, 200);
      }
    } else detail = text.slice(0, 200);
    return { submission, status: response.status, stored, detail, resumeError, ms, at: Date.now() };
  } catch (error) {
    return { submission, status: "no answer", stored: false, detail: String((error as Error).cause ?? error), ms: performance.now() - started, at: Date.now() };
  }
}

async function submitToRoute(url: string, forms: Forms, submission: Submission): Promise<Outcome> {
  const [route, fields] = fieldsOf(forms, submission);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const started = performance.now();
  try {
    const response = await fetch(`${url}${route}`, { method: "POST", body, redirect: "manual", headers: { Accept: "application/json", Origin: url } });
    const text = await response.text();
    const ms = performance.now() - started;
    try {
      const answer = JSON.parse(text) as { ok?: boolean; message?: string; redirect?: string; fieldErrors?: Record<string, string[]> };
      const stored = answer.ok === true;
      return { submission, status: response.status, stored, detail: stored ? (answer.redirect ?? "") : (answer.message ?? ""), resumeError: answer.fieldErrors?.resume?.join(" "), ms, at: Date.now() };
    } catch {
      return { submission, status: response.status, stored: false, detail: text.slice(0, 200), ms, at: Date.now() };
    }
  } catch (error) {
    return { submission, status: "no answer", stored: false, detail: String((error as Error).cause ?? error), ms: performance.now() - started, at: Date.now() };
  }
}

/** Sends every submission with at most `concurrency` in flight; `onAnswer` sees each outcome as it comes. */
export async function sendAll(url: string, forms: Forms, submissions: Submission[], onAnswer: (outcome: Outcome) => void = () => {}) {
  const outcomes: Outcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < submissions.length) {
      const submission = submissions[next++]!;
      const outcome = await submit(url, forms, submission);
      outcomes.push(outcome);
      onAnswer(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, submissions.length) }, worker));
  return outcomes;
}

export async function attachResumes(submissions: Submission[]) {
  for (const submission of submissions) if (submission.kind === "job") submission.resume = await resumePdf(`Rosa Loadtest ${submission.index}`);
}

export type CommandResult = { command: string; code: number | null; output: string; startedAt: number; endedAt: number };

/** Runs a command on a DATA_DIR as a process of its own, collecting what it printed. */
function runOn(dataDir: string, command: string, executable: string, argv: string[], timeoutMs: number): Promise<CommandResult> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const child = spawn(executable, argv, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ command, code, output, startedAt, endedAt: Date.now() });
    });
  });
}

/** Runs `npm run <script> -- args` on a DATA_DIR as its own process, the way an operator would. */
export function npmRun(script: string, args: string[], dataDir: string, timeoutMs = 120_000) {
  const command = `npm run ${script}${args.length ? ` -- ${args.join(" ")}` : ""}`;
  return runOn(dataDir, command, "npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], timeoutMs);
}

/** Runs a TypeScript file of the repository as the npm scripts run theirs (tsx, React Server conditions), on a DATA_DIR. */
export function tsxRun(file: string, args: string[], dataDir: string, timeoutMs = 120_000) {
  return runOn(dataDir, `tsx ${file} ${args.join(" ")}`, process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", file, ...args], timeoutMs);
}

/**
 * The second writer: `monographs:import`, `db:maintain` and `db:backup`, each a process
 * of its own, one after another until stopped.
 */
export function startSecondWriter(dataDir: string, monographFolder: string) {
  const results: CommandResult[] = [];
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      results.push(await npmRun("monographs:import", [monographFolder], dataDir));
      if (stopping) break;
      results.push(await npmRun("db:maintain", [], dataDir));
      if (stopping) break;
      results.push(await npmRun("db:backup", [], dataDir));
    }
  })();
  return {
    results,
    stop: async () => {
      stopping = true;
      await loop;
      return results;
    },
  };
}

/** "SQLITE_BUSY" and its message, wherever they appear. */
export const lockedPattern = /SQLITE_BUSY|database is locked/i;

/** The monographs a fresh portal seeded, exported as files for `monographs:import`. */
export async function exportMonographs(dataDir: string) {
  const folder = fs.mkdtempSync(path.join(path.dirname(dataDir), "coop-monographs-"));
  const result = await npmRun("monographs:export", [folder], dataDir);
  if (result.code !== 0) throw new Error(`monographs:export failed:\n${result.output}`);
  return folder;
}

/** What each kind left in the database for the given addresses. */
export function storedState(dataDir: string, emails: string[]) {
  return withDb(dataDir, (sqlite) => {
    const wanted = new Set(emails);
    const subscribers = (sqlite.prepare("select email from newsletter_subscribers").pluck().all() as string[]).filter((email) => wanted.has(email));
    const applications = sqlite
      .prepare(
        `select a.id, a.email, a.name, (select count(*) from owner_application_household h where h.application_id = a.id) as household
         from owner_applications a`,
      )
      .all() as { id: number; email: string; name: string; household: number }[];
    const jobApplications = sqlite
      .prepare(
        `select j.id, j.email, j.resume_upload_id as uploadId, u.size_bytes as sizeBytes
         from job_applications j left join uploads u on u.id = j.resume_upload_id`,
      )
      .all() as { id: number; email: string; uploadId: string | null; sizeBytes: number | null }[];
    return {
      subscribers: new Set(subscribers),
      applications: new Map(applications.filter((row) => wanted.has(row.email)).map((row) => [row.email, row])),
      jobApplications: new Map(jobApplications.filter((row) => wanted.has(row.email)).map((row) => [row.email, row])),
    };
  });
}

/** Every upload row's id, and what lies in uploads/. */
export function uploadsOnDisk(dataDir: string) {
  const folder = path.join(dataDir, "uploads");
  const files = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  const rows = new Set(withDb(dataDir, (sqlite) => sqlite.prepare("select id from uploads").pluck().all() as string[]));
  return {
    files,
    rows,
    partFiles: files.filter((name) => name.endsWith(".part")),
    /** Final-named files no row refers to. */
    strays: files.filter((name) => /^[0-9a-f]{32}$/.test(name) && !rows.has(name)),
    /** Rows whose file is not there under its final name. */
    missing: [...rows].filter((id) => !files.includes(id)),
  };
}

export const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");

/** Nearest-rank percentile of a sorted list. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** Requests, seconds, req/s and latency percentiles per kind, as printed for docs/reliability.md. */
export function figures(outcomes: Outcome[], seconds: number) {
  const lines = [`${outcomes.length} requests in ${seconds.toFixed(1)} s = ${(outcomes.length / seconds).toFixed(1)} req/s at concurrency ${CONCURRENCY}`];
  for (const kind of kinds) {
    const mine = outcomes.filter((outcome) => outcome.submission.kind === kind).map((outcome) => outcome.ms).sort((a, b) => a - b);
    if (!mine.length) continue;
    lines.push(
      `${kind.padEnd(6)} ${String(mine.length).padStart(5)} requests  p50 ${percentile(mine, 50).toFixed(0)} ms  p95 ${percentile(mine, 95).toFixed(0)} ms  p99 ${percentile(mine, 99).toFixed(0)} ms`,
    );
  }
  return lines.join("\n");
}

export { startPortal, type RunningPortal };

export { waitFor } from "../helpers/wait-for";
