import "server-only";
import { and, eq, inArray, lt } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import { STAGED_IMPORT_TYPE, type ImportList } from "@/lib/model/newsletter-import";
import type { SubscriberStatus } from "@/lib/model/newsletter";
import { newsletterLists, newsletterSubscribers, uploads } from "../schema";
import type { Executor } from "./executor";

// A list file staff uploaded waits for its import as an upload row of its own type (no
// other upload is a CSV) and its file under DATA_DIR/uploads/: the preview reads it, the
// import deletes it, and the daily maintenance deletes those left waiting.

/** Why the import refuses. */
export type ImportRefusal = "import_not_staged";
const refuse = refusals<ImportRefusal>();

const staged = (id: string) => and(eq(uploads.id, id), eq(uploads.contentType, STAGED_IMPORT_TYPE));

export function insertStagedImport(executor: Executor, file: { id: string; originalName: string; sizeBytes: number }, at = new Date()) {
  executor
    .insert(uploads)
    .values({ ...file, contentType: STAGED_IMPORT_TYPE, createdAt: at })
    .run();
}

/** The staged file `id`, or null when it is not one (imported, expired, or another kind of upload). */
export function getStagedImport(executor: Executor, id: string) {
  return executor.select().from(uploads).where(staged(id)).get() ?? null;
}

/** Takes a staged file's row away (its import is committing); `not_found` (`import_not_staged`) when it is gone already. */
export function takeStagedImport(executor: Executor, id: string) {
  if (executor.delete(uploads).where(staged(id)).run().changes === 0) throw refuse("not_found", "import_not_staged");
}

/** Deletes the rows of files staged before `before`; returns their ids, whose files go once this commits. */
export function deleteStagedImportsBefore(executor: Executor, before: Date) {
  return executor
    .delete(uploads)
    .where(and(eq(uploads.contentType, STAGED_IMPORT_TYPE), lt(uploads.createdAt, before)))
    .returning({ id: uploads.id })
    .all()
    .map((row) => row.id);
}

/** SQLite takes at most 32,766 parameters a statement; far fewer keeps each statement quick. */
const CHUNK = 500;

type ImportedSubscriber = { email: string; firstName: string | null; confirmTokenHash: string; confirmTokenExpiresAt: Date; signedUpAt: Date };

/** Adds imported addresses as pending subscribers, a few hundred a statement; returns their ids by address. */
export function insertImportedSubscribers(executor: Executor, rows: ImportedSubscriber[]) {
  const ids = new Map<string, number>();
  for (let at = 0; at < rows.length; at += CHUNK) {
    const inserted = executor
      .insert(newsletterSubscribers)
      .values(rows.slice(at, at + CHUNK).map((row) => ({ ...row, status: "pending" as const })))
      .returning({ id: newsletterSubscribers.id, email: newsletterSubscribers.email })
      .all();
    for (const row of inserted) ids.set(row.email, row.id);
  }
  return ids;
}

/** The status of every address of `emails` the portal knows as a subscriber. */
export function subscriberStatusesByEmail(executor: Executor, emails: string[]) {
  const found = new Map<string, SubscriberStatus>();
  for (let at = 0; at < emails.length; at += CHUNK) {
    const rows = executor
      .select({ email: newsletterSubscribers.email, status: newsletterSubscribers.status })
      .from(newsletterSubscribers)
      .where(inArray(newsletterSubscribers.email, emails.slice(at, at + CHUNK)))
      .all();
    for (const row of rows) found.set(row.email, row.status);
  }
  return found;
}

/** Every list, archived ones too, as an import reads them (a line naming an archived list is told so). */
export function listListsForImport(executor: Executor): ImportList[] {
  return executor
    .select({ id: newsletterLists.id, slug: newsletterLists.slug, name: newsletterLists.name, audience: newsletterLists.audience, joinByDefault: newsletterLists.joinByDefault, archivedAt: newsletterLists.archivedAt })
    .from(newsletterLists)
    .all()
    .map(({ archivedAt, ...list }) => ({ ...list, archived: archivedAt !== null }));
}
