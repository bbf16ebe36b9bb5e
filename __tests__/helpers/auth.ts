import { portalUrl, withPortalDb } from "./portal";
import { emailsTo, waitForEmail } from "./wait-for-email";

/** Asks the portal for a sign-in link, as a non-browser client would. */
export function requestSignInLink(email: string, callbackUrl?: string, headers?: Record<string, string>) {
  const body = new URLSearchParams({ email, ...(callbackUrl && { callbackUrl }) });
  return fetch(portalUrl("/api/auth/signin/email"), { method: "POST", body, headers });
}

const signInLinkPattern = /https?:\/\/\S+\/login\/verify\?token=[0-9a-f]{64}\S*/;

/**
 * The link in the sign-in email to `email` that is the `expectedCount`th message to it
 * (by default one more than now), or the first with a link after it, waiting for it.
 * Other mail to the same address (an application's receipt still in the queue) may
 * arrive meanwhile: only a message with a link counts. Up to a minute, as for other mail:
 * sign-in mail goes first in the queue, but a clean-clone CI run on a loaded machine once
 * took over 15 s, and the jest suite beside three CPU hogs over 30 s.
 */
export async function latestSignInLink(email: string, expectedCount?: number) {
  const count = expectedCount ?? (await emailsTo(email)).length + 1;
  const message = await waitForEmail(email, (candidate) => signInLinkPattern.test(candidate.text), { after: count - 1 });
  return new URL(signInLinkPattern.exec(message.text)![0]);
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
  const before = (await emailsTo(email)).length;
  const response = await requestSignInLink(email);
  if (!response.ok) throw new Error(`Link request for ${email} answered ${response.status}`);
  const link = await latestSignInLink(email, before + 1);
  const cookie = sessionCookieFrom(await completeSignIn(link));
  if (!cookie) throw new Error(`Signing in as ${email} set no session cookie`);
  return cookie;
}
