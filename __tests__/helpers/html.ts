import { JSDOM } from "jsdom";
import { portalUrl } from "./portal";

export type FetchedPage = { status: number; headers: Headers; html: string; document: Document };

/** GETs a path of the test portal and parses the answer as a document. */
export async function fetchPage(path: string): Promise<FetchedPage> {
  const response = await fetch(portalUrl(path), { redirect: "manual" });
  const html = await response.text();
  return { status: response.status, headers: response.headers, html, document: new JSDOM(html).window.document };
}

export function text(element: Element | null | undefined) {
  return element?.textContent?.replace(/\s+/g, " ").trim() ?? "";
}
