import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditRecord } from "@/db/queries/audit";
import type { SessionUser } from "@/lib/auth/session";

/**
 * Writes to the audit log that a staff member looked at someone's personal data (rule 7):
 * the one write a page view makes. Call it after the role check, before rendering.
 */
export function recordPersonalDataView(viewer: SessionUser, record: Omit<AuditRecord, "action"> & { action: `${string}.view` }) {
  recordAudit(db, { id: viewer.id, email: viewer.email }, record);
}
