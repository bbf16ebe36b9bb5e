import crypto from "node:crypto";
import path from "node:path";
import fc from "fast-check";
import { JSDOM } from "jsdom";
import { actionAnswerOf, postOnOwnSocket, type ActionAnswer } from "./forms";
import { portalUrl, withPortalDb } from "./portal";
import { mailingPortalEnv, startPortal, temporaryDataDir, type RunningPortal } from "./portal-server";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

/** Generated inputs per target: 1,000 in CI; HOSTILE_RUNS changes it for a longer or a quicker look. */
/**
 * Runs the calling test file on a portal and SMTP receiver of its own (the shared helpers
 * follow PORTAL_URL and its siblings). The thousands of rows, saved settings and dated
 * issues a hostile-input file leaves behind must not meet the expectations of the files
 * that run after it on the shared portal. Call it first in the file, before other hooks.
 */
export function onOwnPortal(label: string) {
  const names = ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"] as const;
  const saved = names.map((name) => process.env[name]);
  let portal: RunningPortal | undefined;
  let receiver: SmtpReceiver | undefined;
  beforeAll(async () => {
    const dataDir = temporaryDataDir(label);
    receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail") });
    portal = await startPortal({
      dataDir,
      env: mailingPortalEnv(receiver.port),
    });
    Object.assign(process.env, { PORTAL_URL: portal.url, PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: receiver.folder });
  }, 15 * 60_000);
  afterAll(async () => {
    names.forEach((name, index) => {
      if (saved[index] === undefined) delete process.env[name];
      else process.env[name] = saved[index];
    });
    await portal?.stop();
    await receiver?.stop();
  });
}

export const RUNS = Number(process.env.HOSTILE_RUNS ?? 1000);
/** One seed for every run, so CI sees the same inputs each time; HOSTILE_SEED explores others. */
export const SEED = Number(process.env.HOSTILE_SEED ?? 20261206);
/** Requests in flight at once: the portal shares two cores with the test runner. */
export const CONCURRENCY = 8;

/**
 * Markup that would be an element if it reached a page unescaped. Each carries
 * `data-hostile`, so finding that attribute in a parsed page proves an injection.
 */
export const markupPayloads = [
  "<script data-hostile>alert(1)</script>",
  '<img data-hostile src=x onerror="alert(1)">',
  '"><svg data-hostile onload=alert(1)>',
  "'><b data-hostile>bold</b>",
  '<a data-hostile href="javascript:alert(1)">link</a>',
  "[a link](javascript:alert(1))",
  "<iframe data-hostile src=\"javascript:alert('x')\"></iframe>",
  "<style data-hostile>*{display:none}</style>",
  "<math><mi data-hostile xlink:href=\"javascript:alert(1)\">x</mi></math>",
  "<!--<b data-hostile>-->",
  "</textarea><b data-hostile>",
  "</title><b data-hostile>",
  "]]><b data-hostile>",
];
const sqlPayloads = ["' OR '1'='1", "'; DROP TABLE users; --", "1; DELETE FROM owners", '" OR ""="', "%' AND 1=1 --", "NEAR(a b)", '"unterminated', "* OR x:y", "^a AND", "(", ")"];
const scriptPayloads = [
  "Zoë Ångström",
  "محمد الأحمد",
  "שלום עליכם",
  "\u202Egnp.exe",
  "\u200F\u200E",
  "\u200B\u200D\uFEFF",
  "日本語のテキスト",
  "Ελληνικά",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧 🏳️‍🌈",
  "e\u0301\u0301\u0301",
  "İıŞ",
];
const oddPayloads = [
  "__proto__",
  "constructor",
  "prototype",
  "$ACTION_ID_x",
  "$K1",
  "$@0",
  "$undefined",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e3",
  "0x10",
  "9999999999999999999999",
  "true",
  "[]",
  "{}",
  '{"__proto__":{"admin":true}}',
  "%00",
  "%FF",
  "../../etc/passwd",
  "C:\\Windows\\win.ini",
  "${7*7}",
  "{{7*7}}",
];
const controlCharacter = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((code) => code !== 9 && code !== 10 && code !== 13),
  fc.constant(0x7f),
).map((code) => String.fromCharCode(code));

/** A piece of hostile text. */
function piece() {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...markupPayloads) },
    { weight: 2, arbitrary: fc.constantFrom(...sqlPayloads, ...scriptPayloads, ...oddPayloads) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom("\ud800", "\udfff", "\ud83d", " ", "\t", "\r\n", "\n\n# heading\n", "\u00a0") },
  );
}

/**
 * Hostile text: markup, SQL, mixed scripts, RTL marks, lone surrogates, random graphemes
 * (the random pieces may hold a control character too; only withControlCharacter promises
 * one). Text that goes into an RSS feed gets the same: `]]>` several times included.
 */
export const hostileText = () =>
  fc
    .array(piece(), { minLength: 1, maxLength: 5 })
    .map((pieces) => pieces.join(""));

/**
 * Text with a control character other than tab and line breaks inside it (between two
 * letters, so trimming cannot drop it): every text field refuses it.
 */
export const withControlCharacter = fc
  .tuple(hostileText(), controlCharacter, hostileText())
  .map(([before, control, after]) => `${before}a${control}b${after}`);

/** Text of `length` characters that trims to that length. */
export const longText = (length: number) =>
  fc.constantFrom("x", "é", "<", "語", "'").map((unit) => unit.repeat(length));

/** A value of a known field: how it was made tells whether the portal must refuse it. */
export type Generated = { value: string | File | undefined; refused: boolean };

/** A file as a form posts it: odd names, odd declared types, empty or not. */
export const hostileFile = fc
  .record({
    name: fc.constantFrom(
      "resume.pdf",
      "../../../etc/passwd",
      "..\\..\\boot.ini",
      "<script data-hostile>.pdf",
      "résumé final (2).PDF",
      "a".repeat(300) + ".pdf",
      "\u202Efdp.exe",
      "CON",
      "",
      ".htaccess",
      "x.pdf\r\nContent-Type: text/html",
    ),
    type: fc.constantFrom("application/pdf", "text/html", "application/x-msdownload", "", "image/svg+xml", "multipart/form-data"),
    body: fc.constantFrom(
      "",
      "%PDF-1.4\n%%EOF\n",
      "<html><script>alert(1)</script></html>",
      "MZ\u0090\u0000",
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      "PK\u0003\u0004",
    ),
  })
  .map(({ name, type, body }) => new File([body], name, { type }));

/** One field's value: left out, made refusable, or hostile but within the rules of `valid`. */
export function fieldValue(spec: FieldSpec): fc.Arbitrary<Generated> {
  const refused = [
    fc.constant<Generated>({ value: undefined, refused: spec.required }),
    withControlCharacter.map((value): Generated => ({ value, refused: spec.kind === "text" })),
    fc.constantFrom(...oddPayloads, ...sqlPayloads).map((value): Generated => ({ value, refused: spec.kind === "id" && !/^\d+$/.test(value) })),
    // A file where text belongs is refused, except in a repeated row (`evidence.0.note`): a
    // row with no text typed in it is a spare row, dropped, whatever else it holds. A file
    // part with an empty file name reaches the form as text: the portal judges its content.
    hostileFile.map((value): Generated => ({ value, refused: value.name !== "" && ((spec.kind === "text" && !/\.\d+\./.test(spec.name)) || spec.kind === "id") })),
  ];
  if (spec.max !== undefined) {
    refused.push(
      fc.constantFrom(spec.max + 1, spec.max + 1000).chain((length) => longText(length)).map((value): Generated => ({ value, refused: spec.kind === "text" })),
    );
  }
  const kept = [
    ...(spec.valid ? [spec.valid.map((value): Generated => ({ value, refused: false }))] : []),
    ...(spec.kind === "text" && spec.max !== undefined
      ? [
          hostileText()
            .filter((value) => value.trim().length > 0 && [...value].length <= spec.max!)
            .map((value): Generated => ({ value, refused: false })),
          longText(spec.max).map((value): Generated => ({ value, refused: false })),
        ]
      : [hostileText().map((value): Generated => ({ value, refused: false }))]),
  ];
  // A refused verdict is only a claim about text fields' rules; others are left to the portal.
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...kept) }, { weight: 2, arbitrary: fc.oneof(...refused) });
}

export type FieldSpec = {
  name: string;
  /** text: a zod text field (control characters and over-length refused); id: digits only; file: an upload; other: the portal judges. */
  kind: "text" | "id" | "file" | "other";
  required: boolean;
  max?: number;
  /** Values the portal accepts, so some inputs reach the write and the pages. */
  valid?: fc.Arbitrary<string>;
  /** A kept field takes a new valid value each time (an address that may be used once). */
  fresh?: boolean;
};

/** Field names beyond the form's own: prototype keys, dotted paths through them, duplicates, noise. */
const extraName = (known: string[]) =>
  fc.oneof(
    fc.constantFrom("__proto__", "constructor", "prototype", "__proto__.admin", "constructor.prototype.admin", "a.__proto__.b", "role", "id", "userId", "status", "0", "$ACTION_KEY", "evidence.99999999999.x", "household.4294967294.name", "x".repeat(2000)),
    ...(known.length > 0 ? [fc.constantFrom(...known)] : []),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }),
  );

/** Whether a generated form carries markup a page could mistake for its own. */
export const carriesMarkup = (input: GeneratedForm) => input.entries.some(([, value]) => typeof value === "string" && /data-hostile|javascript:/.test(value));

export type GeneratedForm = {
  entries: [string, string | File][];
  /** The portal must refuse this form (a field the schema reads breaks its rule). */
  mustRefuse: boolean;
  /** Which fields broke which rule, for the failure message. */
  why: string[];
};

/**
 * A form built from a valid base: each known field kept, left out, broken or replaced by
 * hostile text; extra fields (prototype keys, duplicates of known names) appended.
 */
export function hostileForm(base: Record<string, string | File>, specs: FieldSpec[]): fc.Arbitrary<GeneratedForm> {
  const known = specs.map((spec) => spec.name);
  // Most fields keep their valid value, so that a good share of forms reach the write.
  const keep = Math.max(2, Math.ceil(specs.length / 2));
  const perField = specs.map((spec) =>
    fc.oneof(
      {
        weight: keep,
        arbitrary: spec.fresh && spec.valid ? spec.valid.map((value): Generated | null => ({ value, refused: false })) : fc.constant<Generated | null>(null),
      },
      { weight: 1, arbitrary: fieldValue(spec) },
    ),
  );
  const extras = fc.array(fc.tuple(extraName(known), fc.oneof(hostileText(), hostileFile as fc.Arbitrary<string | File>)), { maxLength: 3 });
  return fc.tuple(fc.tuple(...perField), extras).map(([values, extra]) => {
    const entries: [string, string | File][] = [];
    const why: string[] = [];
    const duplicated = new Set(extra.map(([name]) => name));
    for (const [name, value] of Object.entries(base)) if (!known.includes(name)) entries.push([name, value]);
    specs.forEach((spec, index) => {
      const generated = values[index];
      const value = generated ? generated.value : base[spec.name];
      if (value !== undefined) entries.push([spec.name, value]);
      // A duplicate of a field makes Object.fromEntries keep the last: the verdict is the portal's.
      if (generated?.refused && !duplicated.has(spec.name)) why.push(spec.name);
    });
    entries.push(...extra);
    return { entries, mustRefuse: why.length > 0, why };
  });
}

/** Form entries as a failure message shows them: files by name, type and size. */
export function describeEntries(entries: [string, string | File][]) {
  return JSON.stringify(entries.map(([name, value]) => [name, typeof value === "string" ? value : `File(${JSON.stringify(value.name)}, ${value.type || "no type"}, ${value.size} bytes)`]));
}

export type Answered = { status: number; answer: ActionAnswer | null; text: string };

/**
 * POSTs form entries to a server action the way the page's script does (React's reply
 * encoding), duplicates and files included, and returns the status and the action's answer.
 */
export async function postAction(path: string, actionId: string, entries: [string, string | File][], cookie?: string, root = '[null,"$K1"]'): Promise<Answered> {
  const body = new FormData();
  for (const [name, value] of entries) body.append(`_1_${name}`, value);
  body.append("0", root);
  const response = await fetch(portalUrl(path), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
  const redirect = response.headers.get("x-action-redirect");
  const payload = Buffer.from(await response.arrayBuffer());
  if (redirect) return { status: response.status, answer: { redirect: redirect.split(";")[0]! }, text: "" };
  return { status: response.status, answer: response.status === 200 ? actionAnswerOf(payload) : null, text: payload.toString("utf8", 0, 400) };
}

/** POSTs form entries to an upload route as the page's script does (multipart, asking for JSON), duplicates and files included. */
export async function postRoute(route: string, entries: [string, string | File][], cookie?: string): Promise<Answered> {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  const encoded = new Response(form);
  const answered = await postOnOwnSocket(
    route,
    { "Content-Type": encoded.headers.get("content-type")!, Accept: "application/json", Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
    Buffer.from(await encoded.arrayBuffer()),
  );
  let answer: ActionAnswer | null = null;
  try {
    answer = JSON.parse(answered.body) as ActionAnswer;
  } catch {
    // Not JSON: a server error page; `answer` stays null and the status tells.
  }
  return { status: answered.status, answer, text: answered.body.slice(0, 400) };
}

/** The action id a scraped form carries. */
export function actionIdOf(fields: Record<string, string>) {
  const reference = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  if (!reference) throw new Error(`No server action reference among ${Object.keys(fields).join(", ")}`);
  return (JSON.parse(reference[1]) as { id: string }).id;
}

/** The scraped form's own fields, without React's action references. */
export function plainFields(fields: Record<string, string>) {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith("$ACTION")));
}

/** The words of defineAction's answer to an exception it did not expect (see lib/actions/safe-action.ts). */
export const isServerError = (answered: Answered) =>
  answered.answer !== null && "message" in answered.answer && /^Something went wrong on our side/.test(answered.answer.message ?? "");

export const accepted = (answered: Answered) => answered.answer !== null && ("redirect" in answered.answer || answered.answer.ok === true);

/**
 * Runs a property over batches of CONCURRENCY inputs sent at once, RUNS inputs in all,
 * with the fixed seed; fast-check prints the seed and the counterexample's path on failure.
 */
export async function assertBatches<T>(label: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => Promise<void>, runs = RUNS) {
  const batches = Math.ceil(runs / CONCURRENCY);
  await fc.assert(
    fc.asyncProperty(fc.array(arbitrary, { minLength: CONCURRENCY, maxLength: CONCURRENCY }), async (inputs) => {
      await Promise.all(inputs.map((input) => check(input)));
    }),
    // Shrinking is bounded by the same limit as the run: the suite stops by itself.
    { seed: SEED, numRuns: batches, markInterruptAsFailure: true, interruptAfterTimeLimit: 5 * 60_000 },
  ).catch((error: Error) => {
    // Long runs of one character (the over-length values) are shown as "x×20001".
    const compact = error.message.replace(/(.)\1{39,}/gsu, (run: string, unit: string) => `${unit}×${[...run].length}`);
    error.message = `${label} (seed ${SEED}, ${runs} inputs)\n${compact}`;
    throw error;
  });
}

/** Elements or attributes a generated payload tried to inject, found in a parsed page. */
export function injectedMarkup(html: string, contentType = "text/html") {
  const document = new JSDOM(html, { contentType }).window.document;
  const found: string[] = [];
  for (const element of document.querySelectorAll("[data-hostile], [onerror], [onload]")) found.push(element.outerHTML.slice(0, 120));
  for (const link of document.querySelectorAll("a[href], iframe[src]")) {
    const target = link.getAttribute("href") ?? link.getAttribute("src") ?? "";
    if (/^\s*javascript:/i.test(target)) found.push(link.outerHTML.slice(0, 120));
  }
  return found;
}

/** What the portal has stored, as counts, to show that a refusal wrote nothing. */
export type Footprint = Record<string, number>;

/**
 * Tables whose every row is compared before and after a run of refused inputs. Left out:
 * those that change without a write of the action's (the email queue as the worker sends,
 * sessions as they are used, rate-limit hits, which every request records); their counts
 * are part of each target's footprint instead.
 */
const storedTables = [
  "users", "pages", "settings", "jobs", "job_applications", "uploads", "monographs", "monograph_terms", "monograph_evidence",
  "monograph_references", "newsletter_subscribers", "newsletter_campaigns", "newsletter_issues", "owner_applications",
  "owner_application_household", "owner_number_sequence", "owners", "owner_household_members", "equity_payments", "audit_log",
];

/** A digest of every row of the stored tables. */
export function storedContent() {
  return withPortalDb((db) => {
    const hash = crypto.createHash("sha256");
    for (const table of storedTables) {
      for (const row of db.prepare(`select * from ${table} order by rowid`).raw().iterate()) hash.update(JSON.stringify(row));
      hash.update(`|${table}|`);
    }
    return hash.digest("hex");
  });
}

export type ActionTarget = {
  label: string;
  /** The page whose form posts to the action. */
  path: string;
  /**
   * For a form posted to an upload route (a route handler) rather than a server action:
   * the route's address. Its inputs are posted as the page's script does (multipart,
   * asking for JSON), and its JSON answer is the action's answer's shape.
   */
  route?: string;
  cookie?: string;
  /** The form as scraped from its page (its action reference included). */
  form: Record<string, string>;
  /** Values that make the form valid where the scraped ones are not (checkboxes, choices, files). */
  base?: Record<string, string | File>;
  specs: FieldSpec[];
  footprint: () => Footprint;
  /**
   * How many rows of each counted thing one accepted input may add or remove at most: 1
   * when not given, 3 audit entries (a page re-rendered by the action's answer may record
   * that staff viewed it).
   */
  perAccepted?: Record<string, number>;
  /** Called for accepted inputs, to read where their text is shown. */
  onAccepted?: (input: GeneratedForm, answered: Answered) => Promise<void>;
};

/**
 * Sends RUNS hostile forms to one server action and holds it to the suite's promises. Half
 * of them break a rule the portal must enforce (a control character, an over-long or
 * missing required text, a malformed row id): each must be refused, and afterwards every
 * stored row is byte for byte what it was. The other half are anything the generator
 * makes: none may answer 500 or more, each gets the action's own answer, and the counted
 * rows grow by no more than the accepted inputs may add.
 */
export async function fuzzAction(target: ActionTarget) {
  const actionId = target.route ? "" : actionIdOf(target.form);
  const base = { ...plainFields(target.form), ...target.base };
  const forms = hostileForm(base, target.specs);
  const send = async (input: GeneratedForm) => {
    const answered = target.route ? await postRoute(target.route, input.entries, target.cookie) : await postAction(target.path, actionId, input.entries, target.cookie);
    const summary = `${answered.status} ${JSON.stringify(answered.answer)?.slice(0, 300)} ${answered.text.slice(0, 200)}`;
    if (answered.status >= 500 || !answered.answer) throw new Error(`${target.label}: answered ${summary}`);
    // defineAction answers an unexpected exception with this, logged: a server error, dressed as a 200.
    if (isServerError(answered)) throw new Error(`${target.label}: failed on our side with ${describeEntries(input.entries)} → ${summary}`);
    if (input.mustRefuse && accepted(answered)) {
      throw new Error(`${target.label}: accepted a form whose ${input.why.join(", ")} broke its rule: ${describeEntries(input.entries.filter(([name]) => input.why.includes(name)))} → ${summary}`);
    }
    return answered;
  };

  // A form with no field to break (a button) has no input that must be refused: all of its inputs are "any".
  const refusable = target.specs.some((spec) => spec.kind === "text" || spec.kind === "id" || spec.required);
  const refusedRuns = refusable ? Math.ceil(RUNS / 2) : 0;
  const countedBefore = target.footprint();
  if (refusable) {
    const storedBefore = storedContent();
    await assertBatches(`${target.label}, inputs that must be refused`, forms.filter((input) => input.mustRefuse), async (input) => void (await send(input)), refusedRuns);
    if (storedContent() !== storedBefore) throw new Error(`${target.label}: refused inputs changed stored rows`);
    expect({ label: target.label, counted: target.footprint() }).toEqual({ label: target.label, counted: countedBefore });
  }

  let acceptedCount = 0;
  await assertBatches(`${target.label}, any input`, forms, async (input) => {
    const answered = await send(input);
    if (accepted(answered)) {
      acceptedCount += 1;
      await target.onAccepted?.(input, answered);
    }
  }, RUNS - refusedRuns);
  const after = target.footprint();
  for (const key of Object.keys(countedBefore)) {
    const allowed = acceptedCount * (target.perAccepted?.[key] ?? (key === "audit" ? 3 : 1));
    if (Math.abs(after[key]! - countedBefore[key]!) > allowed) {
      throw new Error(`${target.label}: ${key} went from ${countedBefore[key]} to ${after[key]} with ${acceptedCount} of ${RUNS - refusedRuns} inputs accepted`);
    }
  }
  return { accepted: acceptedCount };
}

/**
 * An action called with anything but a form (React's reply lets a script send any
 * serialisable arguments): each must be a plain refusal that writes nothing.
 */
export const nonFormArguments = ['[null,5]', '[null,"text"]', '[null,{"a":1}]', '[null,null]', "[]", '[null,[1,2]]', '[null,{"__proto__":{"admin":true}}]', "[null,true]", '[null,"$undefined"]'];
