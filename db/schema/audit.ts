import type { InferSelectModel } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/**
 * Who did what to which record, when. Rows are only ever added; the one change is an
 * erasure's, which replaces the erased person's address with "(erased)" where it appears.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    actorId: text().references(() => users.id, { onDelete: "set null" }),
    /** Kept beside the id so the log still reads after a user is deleted. */
    actorEmail: text(),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    detail: text({ mode: "json" }).$type<Record<string, unknown>>(),
    at: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [index("audit_log_at_idx").on(table.at), index("audit_log_subject_idx").on(table.subjectType, table.subjectId)],
);

export type AuditEntry = InferSelectModel<typeof auditLog>;
