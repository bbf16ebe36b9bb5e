import "server-only";
import { headers } from "next/headers";
import { forbidden } from "next/navigation";
import { db } from "@/db";
import { recordAudit, type AuditRecord } from "@/db/queries/audit";
import type { SessionUser } from "@/lib/auth/session";
import { startedByAnotherSite } from "./cross-site";

/**
 * Writes to the audit log that a staff member looked at someone's personal data (rule 7):
 * the one write a page view makes. Call it, awaited, after the role check and before
 * rendering. A view another site started (a link elsewhere, or a window it steers through
 * staff pages) is answered 403 without a row, so that nobody adds entries in a staff
 * member's name; the staff area's forbidden page offers the same address as a link of the
 * portal's own, which opens it.
 */
export async function recordPersonalDataView(viewer: SessionUser, record: Omit<AuditRecord, "action"> & { action: `${string}.view` }) {
  if (startedByAnotherSite(await headers())) forbidden();
  recordAudit(db, { id: viewer.id, email: viewer.email }, record);
}
