import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/model/errors";
import { db } from "../index";
import type { Role } from "@/lib/model/users";
import { sessions, users } from "../schema";
import type { Executor } from "./executor";

export function listUsers() {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, lastSignInAt: users.lastSignInAt, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email))
    .all();
}

export function recordSignIn(userId: string) {
  db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId)).run();
}

/**
 * Changes a role. The co-op must always keep an admin, so removing the last one is a
 * conflict; the check and the change run in the caller's IMMEDIATE transaction.
 */
export function setUserRole(executor: Executor, userId: string, role: Role) {
  const user = executor.select({ id: users.id, role: users.role, email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) throw new AppError("not_found", "That person no longer exists.");
  if (user.role === "admin" && role !== "admin") {
    const otherAdmins = executor
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, "admin"), ne(users.id, userId)))
      .get()!.n;
    if (otherAdmins === 0) throw new AppError("conflict", "The co-op needs at least one admin: make someone else an admin first.");
  }
  executor.update(users).set({ role }).where(eq(users.id, userId)).run();
  return { email: user.email, previousRole: user.role };
}

/** Signs a person out on every device by deleting all of their sessions. */
export function deleteSessionsOfUser(executor: Executor, userId: string) {
  return executor.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Accounts by name (the seed finds the demo accounts of earlier versions by theirs). */
export function listUsersByName(executor: Executor, names: string[]) {
  return executor.select({ email: users.email, name: users.name }).from(users).where(inArray(users.name, names)).all();
}

/**
 * Disables the accounts with these addresses that are still enabled, and ends their
 * sessions. Returns the addresses it disabled (none when run again).
 */
export function disableUsersByEmail(executor: Executor, emails: string[], now = new Date()) {
  const disabled = executor
    .update(users)
    .set({ disabledAt: now })
    .where(and(inArray(users.email, emails), isNull(users.disabledAt)))
    .returning({ id: users.id, email: users.email })
    .all();
  if (disabled.length > 0) executor.delete(sessions).where(inArray(sessions.userId, disabled.map((user) => user.id))).run();
  return disabled.map((user) => user.email);
}

export function enableUsersByEmail(executor: Executor, emails: string[]) {
  executor
    .update(users)
    .set({ disabledAt: null })
    .where(and(inArray(users.email, emails), isNotNull(users.disabledAt)))
    .run();
}

/** Whether the account with this address exists and is disabled. */
export function isEmailDisabled(executor: Executor, email: string) {
  const row = executor.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.email, email)).get();
  return Boolean(row?.disabledAt);
}

/** The id of the account with this address, made (as a member) if there is none. */
export function ensureUserByEmail(executor: Executor, email: string, name: string | null) {
  executor.insert(users).values({ email, name }).onConflictDoNothing({ target: users.email }).run();
  return executor.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
}
