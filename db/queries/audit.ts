import "server-only";
import { and, desc, eq, like, type SQL } from "drizzle-orm";
import { db } from "../index";
import { auditLog } from "../schema";
import type { Executor } from "./executor";
import { clampPage } from "@/lib/model/pagination";

export type AuditActor = { id: string; email: string };

export type AuditRecord = {
  action: string;
  subjectType: string;
  subjectId: string;
  detail?: Record<string, unknown>;
};

/** Adds one entry; call it inside the transaction of the change it records. */
export function recordAudit(executor: Executor, actor: AuditActor | null, record: AuditRecord) {
  executor
    .insert(auditLog)
    .values({ actorId: actor?.id, actorEmail: actor?.email, ...record })
    .run();
}

export type AuditFilter = { actor?: string; action?: string; subjectType?: string; page?: number };

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries(filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(like(auditLog.actorEmail, `%${filter.actor}%`));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.subjectType) conditions.push(eq(auditLog.subjectType, filter.subjectType));
  const where = conditions.length ? and(...conditions) : undefined;
  const page = clampPage(filter.page);
  const rows = db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, page };
}

export function listAuditFacets() {
  const actions = db.selectDistinct({ value: auditLog.action }).from(auditLog).orderBy(auditLog.action).all();
  const subjectTypes = db
    .selectDistinct({ value: auditLog.subjectType })
    .from(auditLog)
    .orderBy(auditLog.subjectType)
    .all();
  return { actions: actions.map((r) => r.value), subjectTypes: subjectTypes.map((r) => r.value) };
}
