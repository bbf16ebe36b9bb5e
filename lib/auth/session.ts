import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/model/errors";
import { authOptions } from "./options";
import { isAdminRole, isStaffRole, type Role } from "@/lib/model/users";

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

/** The signed-in person, with the role as stored now (sessions live in the database). */
export async function getCurrentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? session.user : null;
}

/** For server actions and route handlers: the signed-in person, or an "unauthorized" error. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized", "Please sign in first.");
  return user;
}

/** For server actions and route handlers: staff or admin, else "unauthorized"/"forbidden". */
export async function requireStaff(): Promise<SessionUser> {
  const user = await requireUser();
  if (!isStaffRole(user.role)) throw new AppError("forbidden", "This is for co-op staff.");
  return user;
}

/** For server actions and route handlers: admins only. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (!isAdminRole(user.role)) throw new AppError("forbidden", "This is for co-op admins.");
  return user;
}

/**
 * For pages: sends anonymous visitors to sign in and back, and answers 403 to people
 * whose role is not enough (never a redirect, which would loop for a signed-in member).
 */
export async function requirePageRole(role: "member" | "staff" | "admin", path: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (role === "staff" && !isStaffRole(user.role)) forbidden();
  if (role === "admin" && !isAdminRole(user.role)) forbidden();
  return user;
}
