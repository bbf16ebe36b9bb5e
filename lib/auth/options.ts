import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/db";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { recordSignIn } from "@/db/queries/users";
import { getEnv } from "@/lib/env";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "./sign-in-links";

const env = getEnv();
const secureCookies = env.siteUrl.startsWith("https:");

/** next-auth's session cookie name; the __Secure- prefix on https makes browsers insist on TLS. */
export const sessionCookieName = `${secureCookies ? "__Secure-" : ""}next-auth.session-token`;

export const authOptions: AuthOptions = {
  // @auth/drizzle-adapter implements the same adapter methods next-auth 4 calls; only the
  // type packages differ (@auth/core vs next-auth), hence the cast.
  adapter: DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }) as unknown as Adapter,
  secret: env.nextAuthSecret,
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  useSecureCookies: secureCookies,
  providers: [
    EmailProvider({
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      from: env.mailFrom,
      // Links are created and emailed by lib/auth/sign-in-links.ts (rate-limited, queued);
      // next-auth only verifies them at /api/auth/callback/email.
      sendVerificationRequest: async () => {
        throw new Error("Sign-in links are sent by requestSignInLink");
      },
    }),
  ],
  pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login" },
  callbacks: {
    // A link sent before the account was disabled must not work after.
    signIn({ user }) {
      return !("disabledAt" in user && user.disabledAt);
    },
    session({ session, user }) {
      session.user = { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
      return session;
    },
    redirect({ url, baseUrl }) {
      // Only ever back into the portal: a callbackUrl cannot send someone elsewhere.
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      return new URL(url).origin === baseUrl ? url : baseUrl;
    },
  },
  events: {
    signIn({ user }) {
      recordSignIn(user.id);
    },
  },
};
