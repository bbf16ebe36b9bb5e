import crypto from "node:crypto";
import { ensureUser } from "./auth";
import { withPortalDb } from "./portal";

/** next-auth's cookie on plain http (the test portals' SITE_URL); https adds the __Secure- prefix. */
export const sessionCookieName = "next-auth.session-token";

/**
 * A signed-in session for `email` without the email round trip: the row next-auth's
 * database adapter writes when a sign-in link is used (the token in the clear, as next-auth
 * 4 keeps it, a 30-day expiry), returned as the cookie's value. With `role`, the account
 * is created with it or given it; without, an existing account keeps its role and a new
 * one is a member's, as a first sign-in makes it. It proves nothing about signing in: the
 * sign-in tests go through the emailed link.
 */
export function storedSession(email: string, role?: "member" | "staff" | "admin") {
  if (role) ensureUser(email, role);
  const token = crypto.randomBytes(32).toString("hex");
  withPortalDb((sqlite) => {
    if (!role) sqlite.prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?) on conflict(email) do nothing").run(crypto.randomUUID(), email, Date.now());
    const userId = sqlite.prepare("select id from users where email = ?").pluck().get(email) as string;
    sqlite.prepare("insert into sessions (session_token, user_id, expires) values (?, ?, ?)").run(token, userId, Date.now() + 30 * 24 * 60 * 60 * 1000);
  });
  return token;
}

/** The same session as a Cookie header value (`next-auth.session-token=…`), like auth.ts's signIn answers. */
export function storedSessionCookie(email: string, role?: "member" | "staff" | "admin") {
  return `${sessionCookieName}=${storedSession(email, role)}`;
}
