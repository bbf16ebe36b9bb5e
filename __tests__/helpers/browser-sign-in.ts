import type { BrowserContext, Page } from "playwright-core";
import { latestSignInLink } from "./auth";
import { portalUrl } from "./portal";
import { storedSession, sessionCookieName } from "./stored-session";
import { emailsTo } from "./wait-for-email";

/**
 * Signs in as a person does, on the /login form `page` shows: asks for a link, opens the
 * one the outbox receives for `email`, and presses the verify page's button. Where the
 * browser lands next is the caller's to check (the callbackUrl the form was opened with).
 */
export async function signInThroughEmail(page: Page, email: string) {
  const before = (await emailsTo(email)).length;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.waitForURL(/\/login\/check-email$/);
  await page.goto((await latestSignInLink(email, before + 1)).toString());
  await page.getByText(`signing in as ${email}`, { exact: false }).waitFor();
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs `context` in as `email` by a session stored straight in the portal's database (see
 * stored-session.ts): for tests about what a signed-in person does, not about signing in.
 */
export async function signInByStoredSession(context: BrowserContext, email: string, role?: "member" | "staff" | "admin") {
  await context.addCookies([{ name: sessionCookieName, value: storedSession(email, role), url: portalUrl(), httpOnly: true, sameSite: "Lax" }]);
}
