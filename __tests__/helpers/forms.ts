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

/** Submits a server-action form (multipart, same origin) with or without a session. */
export function submitForm(path: string, fields: Record<string, string>, cookie?: string) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return fetch(portalUrl(path), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
}
