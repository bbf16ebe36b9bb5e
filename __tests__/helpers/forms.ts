import net from "node:net";
import { JSDOM } from "jsdom";
import { portalUrl } from "./portal";

/**
 * The fields of a server-action form as the page rendered it, hidden action fields
 * included: what a browser without JavaScript would submit.
 */
export async function scrapeForm(path: string, cookie: string, pick: (form: HTMLFormElement) => boolean) {
  const html = await (await fetch(portalUrl(path), { headers: { Cookie: cookie } })).text();
  const forms = [...new JSDOM(html).window.document.querySelectorAll("form")];
  const form = forms.find(pick);
  if (!form) throw new Error(`No matching form on ${path}`);
  const fields: Record<string, string> = {};
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select")) {
    if (element.name) fields[element.name] = element.value;
  }
  return fields;
}

export const hasField = (name: string, value?: string) => (form: HTMLFormElement) =>
  [...form.querySelectorAll<HTMLInputElement>(`[name="${name}"]`)].some((input) => value === undefined || input.value === value);

/** A form's fields as posted: text, or a file (a File keeps its name in the multipart body). */
export type FormFields = Record<string, string | Blob>;

/** Submits a server-action form (multipart, same origin) with or without a session. */
export function submitForm(path: string, fields: FormFields, cookie?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return fetch(portalUrl(path), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
}

/** A session cookie the proxy lets through (it only looks for the cookie) but no session matches. */
export const forgedSessionCookie = "next-auth.session-token=forged-session-value";

export type ActionAnswer =
  | { redirect: string }
  | { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; values?: Record<string, string>; data?: unknown };

/**
 * Calls a form's server action the way the page's JavaScript does (React's reply
 * encoding: the form's fields under `_1_`, then the arguments `[previousState, form]`),
 * and returns the action's own answer rather than the page re-rendered around it.
 * `fields` are what `scrapeForm` read, hidden action fields included; `headers` are sent
 * as well (a reverse proxy's X-Forwarded-For, say).
 */
export async function callAction(path: string, fields: FormFields, cookie?: string, headers?: Record<string, string>): Promise<ActionAnswer> {
  const reference = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  if (!reference) throw new Error(`No server action reference among ${Object.keys(fields).join(", ")}`);
  const actionId = (JSON.parse(String(reference[1])) as { id: string }).id;
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"])); // the root last: React reads the fields before it
  return actionAnswer(path, await postAction(path, actionId, body, { cookie, headers }));
}

const loadedPages = new Set<string>();

/**
 * A browser posts an action from a page it has loaded, so the server has loaded that page
 * too. A test that posts straight away meets a server that has not, which in Next 16 can
 * answer 409 "Server Action unavailable" on a cold server; so the page is fetched once per
 * portal first, as a visit would (with the caller's cookie, past the sign-in redirect).
 */
async function loadPageOnce(path: string, cookie: string | undefined) {
  const key = portalUrl(path);
  if (loadedPages.has(key)) return;
  loadedPages.add(key);
  const response = await fetch(key, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
  await response.arrayBuffer();
}

/**
 * POSTs a React reply body to the server action `actionId` on the page at `path`, as the
 * page's JavaScript does. `origin` is this site's unless given; `null` sends none.
 */
export async function postAction(path: string, actionId: string, body: FormData, options: { cookie?: string; origin?: string | null; headers?: Record<string, string> } = {}) {
  const origin = options.origin === undefined ? new URL(portalUrl()).origin : options.origin;
  await loadPageOnce(path, options.cookie);
  return fetch(portalUrl(path), {
    method: "POST",
    body,
    redirect: "manual",
    headers: {
      ...options.headers,
      "Next-Action": actionId,
      Accept: "text/x-component",
      ...(origin !== null && { Origin: origin }),
      ...(options.cookie && { Cookie: options.cookie }),
    },
  });
}

/** The action's own answer in a response of `postAction`, rather than the page re-rendered around it. */
export async function actionAnswer(path: string, response: Response): Promise<ActionAnswer> {
  const redirect = response.headers.get("x-action-redirect");
  if (redirect) return { redirect: redirect.split(";")[0]! };
  const payload = Buffer.from(await response.arrayBuffer());
  const answer = actionAnswerOf(payload);
  if (response.status !== 200 || !answer) {
    throw new Error(`Action at ${path} answered ${response.status}: ${payload.toString("utf8", 0, 300)}`);
  }
  return answer;
}

/** The action's own answer in a React Flight payload (row 1), or null when there is none. */
export function actionAnswerOf(payload: Buffer): ActionAnswer | null {
  const rows = flightRows(payload);
  const answer = rows.get("1");
  if (answer?.kind !== "json") return null;
  return JSON.parse(answer.value, (_key, value) => {
    if (typeof value !== "string" || !value.startsWith("$")) return value;
    if (value === "$undefined") return undefined;
    if (value.startsWith("$$")) return value.slice(1);
    // A long string is sent as a text row of its own and referenced as "$<row id>".
    const text = rows.get(value.slice(1));
    return text?.kind === "text" ? text.value : value;
  });
}

/**
 * The rows of a React Flight (RSC) answer by id: `id:json\n` rows, and text rows
 * `id:T<byte length in hex>,<text>` that carry long strings without a newline after them.
 */
function flightRows(payload: Buffer) {
  const rows = new Map<string, { kind: "json" | "text"; value: string }>();
  let at = 0;
  while (at < payload.length) {
    const colon = payload.indexOf(":", at);
    if (colon < 0) break;
    const id = payload.toString("utf8", at, colon);
    if (payload[colon + 1] === 0x54 /* T */) {
      const comma = payload.indexOf(",", colon);
      const length = parseInt(payload.toString("utf8", colon + 2, comma), 16);
      rows.set(id, { kind: "text", value: payload.toString("utf8", comma + 1, comma + 1 + length) });
      at = comma + 1 + length;
    } else {
      const end = payload.indexOf("\n", colon);
      const stop = end < 0 ? payload.length : end;
      rows.set(id, { kind: "json", value: payload.toString("utf8", colon + 1, stop) });
      at = stop + 1;
    }
  }
  return rows;
}

/** What an upload route (résumé, Rutabaga Rap issue) answers a page's script: JSON, in the shape of an action's answer. */
export type UploadAnswer = {
  ok: boolean;
  message?: string;
  code?: string;
  /** Where the page goes next, when the form was taken and the next page is another. */
  redirect?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

/**
 * An upload form as its page renders it: the address it posts to (a route handler, not a
 * server action) and its fields, the empty file input and an unticked checkbox left out
 * (a browser posts neither).
 */
export async function scrapeUploadForm(path: string, cookie: string, pick: (form: HTMLFormElement) => boolean) {
  const html = await (await fetch(portalUrl(path), { headers: { Cookie: cookie } })).text();
  const form = [...new JSDOM(html).window.document.querySelectorAll("form")].find(pick);
  if (!form) throw new Error(`No matching form on ${path}`);
  const fields: Record<string, string> = {};
  for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>("input, textarea, select")) {
    if (!element.name || (element instanceof form.ownerDocument.defaultView!.HTMLInputElement && (element.type === "file" || (element.type === "checkbox" && !element.checked)))) continue;
    fields[element.name] = element.value;
  }
  return { action: form.getAttribute("action") ?? "", method: form.getAttribute("method") ?? "", enctype: form.getAttribute("enctype") ?? "", fields };
}

/** An HTTP/1.1 answer as it came off the wire: status line, headers (lowercase names), and a body that may be chunked. */
export function parseRawAnswer(raw: Buffer) {
  const split = raw.indexOf("\r\n\r\n");
  const [statusLine, ...lines] = raw.toString("latin1", 0, split).split("\r\n");
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
  let body = raw.subarray(split + 4);
  if (headers["transfer-encoding"] === "chunked") {
    const chunks: Buffer[] = [];
    for (let at = 0; ; ) {
      const lineEnd = body.indexOf("\r\n", at);
      const size = parseInt(body.toString("latin1", at, lineEnd), 16);
      if (!size) break;
      chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    body = Buffer.concat(chunks);
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, body: body.toString("utf8") };
}

/**
 * POSTs `body` on a connection of its own, over a plain socket, and reads the answer. An
 * upload route answers a refusal it makes before reading (no session, another site's
 * Origin, a body declared over its cap) at once and closes the connection: the rest of
 * the body then fails to send, and an HTTP client would drop the answer it had received
 * with that error (browsers do read it).
 */
export function postOnOwnSocket(urlPath: string, headers: Record<string, string>, body: Buffer) {
  const url = new URL(portalUrl(urlPath));
  const head = [`POST ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, `Content-Length: ${body.length}`, "Connection: close", ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  return new Promise<ReturnType<typeof parseRawAnswer>>((resolve, reject) => {
    const received: Buffer[] = [];
    const socket = net.connect(Number(url.port), url.hostname);
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("error", () => {});
    socket.on("close", () => (received.length ? resolve(parseRawAnswer(Buffer.concat(received))) : reject(new Error(`No answer from ${urlPath}`))));
    // Not ended from this side: a half-closed connection looks like a sender who went away. It asked for `Connection: close`, so the server ends it after its answer.
    socket.write(Buffer.concat([Buffer.from(`${head.join("\r\n")}\r\n\r\n`), body]));
  });
}

/**
 * Posts a form to an upload route the way the page's script does (multipart, asking for
 * JSON) and returns the status and the route's answer. `origin` is this site's unless
 * given; `null` sends none.
 */
export async function postUploadForm(route: string, fields: FormFields, options: { cookie?: string; origin?: string | null } = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const encoded = new Response(form);
  const origin = options.origin === undefined ? new URL(portalUrl()).origin : options.origin;
  const answered = await postOnOwnSocket(
    route,
    {
      "Content-Type": encoded.headers.get("content-type")!,
      Accept: "application/json",
      ...(origin !== null && { Origin: origin }),
      ...(options.cookie && { Cookie: options.cookie }),
    },
    Buffer.from(await encoded.arrayBuffer()),
  );
  let answer: UploadAnswer;
  try {
    answer = JSON.parse(answered.body) as UploadAnswer;
  } catch {
    throw new Error(`${route} answered ${answered.status} without JSON: ${answered.body.slice(0, 300)}`);
  }
  return { status: answered.status, answer };
}
