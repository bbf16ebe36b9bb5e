import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../index";
import { sessions, verificationTokens } from "../schema";
import type { Executor } from "./executor";

export function insertVerificationToken(executor: Executor, token: { identifier: string; hashedToken: string; expires: Date }) {
  executor.insert(verificationTokens).values({ identifier: token.identifier, token: token.hashedToken, expires: token.expires }).run();
}

/** Whose sign-in link this is, from the stored hash; null when unknown (used, tampered). */
export function findVerificationToken(hashedToken: string) {
  return db.select().from(verificationTokens).where(eq(verificationTokens.token, hashedToken)).get() ?? null;
}

export function deleteSessionByToken(sessionToken: string) {
  db.delete(sessions).where(eq(sessions.sessionToken, sessionToken)).run();
}
