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
 * `fields` are what `scrapeForm` read, hidden action fields included.
 */
export async function callAction(path: string, fields: FormFields, cookie?: string): Promise<ActionAnswer> {
  const reference = Object.entries(fields).find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  if (!reference) throw new Error(`No server action reference among ${Object.keys(fields).join(", ")}`);
  const actionId = (JSON.parse(String(reference[1])) as { id: string }).id;
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) if (!name.startsWith("$ACTION")) body.append(`_1_${name}`, value);
  body.append("0", JSON.stringify([null, "$K1"])); // the root last: React reads the fields before it
  const response = await fetch(portalUrl(path), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
  const redirect = response.headers.get("x-action-redirect");
  if (redirect) return { redirect: redirect.split(";")[0]! };
  const payload = await response.text();
  const row = /^1:(.*)$/m.exec(payload);
  if (response.status !== 200 || !row) throw new Error(`Action at ${path} answered ${response.status}: ${payload.slice(0, 300)}`);
  // RSC writes `undefined` as "$undefined".
  return JSON.parse(row[1]!, (_key, value) => (value === "$undefined" ? undefined : value));
}
