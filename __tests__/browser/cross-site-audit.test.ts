import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openBrowserPage } from "../helpers/browser";
import { signInByStoredSession } from "../helpers/browser-sign-in";
import { portalUrl, withPortalDb } from "../helpers/portal";

jest.setTimeout(120_000);

const session = openBrowserPage();
const email = `cross-site-browser-${crypto.randomBytes(4).toString("hex")}@coop.example`;
let elsewhere: http.Server;
let elsewhereUrl: string;
let applicationId: number;

const rows = (action: string) =>
  withPortalDb((db) => db.prepare("select count(*) from audit_log where actor_email = ? and action = ?").pluck().get(email, action)) as number;

beforeAll(async () => {
  applicationId = withPortalDb((db) => db.prepare("select id from owner_applications order by id limit 1").pluck().get()) as number;
  const target = portalUrl(`/staff/owners/applications/${applicationId}`);
  // Another site: the portal is at 127.0.0.1, this page at localhost, which a browser counts as a different site.
  elsewhere = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><title>Elsewhere</title><a id="page" href="${target}">An application</a> <a id="file" href="${target}/pdf">Its PDF</a>`);
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}/`;

  // A staff session with the cookie next-auth sets (SameSite=Lax: sent on a top-level link from another site).
  await signInByStoredSession(session.page.context(), email, "staff");
});

afterAll(async () => {
  await new Promise((resolve) => elsewhere?.close(resolve));
});

describe("a staff member's browser, led to the staff area by another site", () => {
  it("shows the page only after one click on the portal's own link, and writes one row for that view alone", async () => {
    const { page } = session;
    await page.goto(elsewhereUrl);
    const refused = page.waitForResponse((response) => response.url().endsWith(`/staff/owners/applications/${applicationId}`));
    await page.click("#page");
    expect((await refused).status()).toBe(403);
    await page.getByRole("heading", { name: "Open this page from the portal" }).waitFor();
    expect(rows("owner_application.view")).toBe(0);

    await page.getByRole("link", { name: "Open the page" }).click();
    await page.getByRole("heading", { name: /^Application from / }).waitFor();
    expect(page.url()).toBe(portalUrl(`/staff/owners/applications/${applicationId}`));
    expect(rows("owner_application.view")).toBe(1);
  });

  it("refuses a download another site links to, with no row; the staff page's own link downloads it, with one", async () => {
    const { page } = session;
    await page.goto(elsewhereUrl);
    const refused = page.waitForResponse((response) => response.url().endsWith("/pdf"));
    await page.click("#file");
    expect((await refused).status()).toBe(403);
    expect(rows("owner_application.pdf")).toBe(0);

    await page.goto(portalUrl(`/staff/owners/applications/${applicationId}`));
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download as PDF (paper form layout)" }).click();
    expect((await download).suggestedFilename()).toBe(`owner-application-${applicationId}.pdf`);
    expect(rows("owner_application.pdf")).toBe(1);
  });
});
