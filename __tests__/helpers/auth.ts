import { portalMailDir, portalUrl, withPortalDb } from "./portal";
import { readEmails, waitForEmails } from "./smtp-receiver";

/** Asks the portal for a sign-in link, as a non-browser client would. */
export function requestSignInLink(email: string, callbackUrl?: string) {
  const body = new URLSearchParams({ email, ...(callbackUrl && { callbackUrl }) });
  return fetch(portalUrl("/api/auth/signin/email"), { method: "POST", body });
}

const signInLinkPattern = /https?:\/\/\S+\/login\/verify\?token=[0-9a-f]{64}\S*/;

/**
 * The link in the newest sign-in email to `email` once `expectedCount` messages to it
 * have arrived (by default one more than now), waiting for it. Other mail to the same
 * address (an application's receipt still in the queue) may arrive meanwhile: the
 * newest message that carries a link counts.
 */
export async function latestSignInLink(email: string, expectedCount?: number) {
  const count = expectedCount ?? (await readEmails(portalMailDir())).filter((m) => m.to === email).length + 1;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const emails = await waitForEmails(portalMailDir(), email, count, Math.max(0, deadline - Date.now()));
    const match = emails
      .slice(count - 1)
      .map((message) => signInLinkPattern.exec(message.text))
      .findLast(Boolean);
    if (match) return new URL(match[0]);
    if (Date.now() > deadline) throw new Error(`No sign-in link in: ${emails.at(-1)!.text}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Presses the /login/verify button: POSTs the token as the page's form does. */
export function completeSignIn(link: URL, cookie?: string) {
  const body = new URLSearchParams({ token: link.searchParams.get("token") ?? "", callbackUrl: link.searchParams.get("callbackUrl") ?? "/account" });
  return fetch(portalUrl("/api/auth/callback/email"), {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: new URL(portalUrl()).origin, ...(cookie && { Cookie: cookie }) },
  });
}

export function sessionCookieFrom(response: Response) {
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("next-auth.session-token="));
  return cookie?.split(";")[0];
}

/** Makes sure an account with this role exists, as an admin would have set it. */
export function ensureUser(email: string, role: "member" | "staff" | "admin") {
  withPortalDb((sqlite) => {
    sqlite
      .prepare(
        "insert into users (id, email, role, created_at) values (?, ?, ?, ?) on conflict(email) do update set role = excluded.role",
      )
      .run(crypto.randomUUID(), email, role, Date.now());
  });
}

/** Signs in through the real flow (link request, email, verify button) and returns the session cookie. */
export async function signIn(email: string, role?: "member" | "staff" | "admin") {
  if (role) ensureUser(email, role);
  const before = (await readEmails(portalMailDir())).filter((m) => m.to === email).length;
  const response = await requestSignInLink(email);
  if (!response.ok) throw new Error(`Link request for ${email} answered ${response.status}`);
  const link = await latestSignInLink(email, before + 1);
  const cookie = sessionCookieFrom(await completeSignIn(link));
  if (!cookie) throw new Error(`Signing in as ${email} set no session cookie`);
  return cookie;
}
