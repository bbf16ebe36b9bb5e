import type { InferSelectModel } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * A file someone sent (an applicant's résumé, staff's printed newsletter issue), stored
 * under DATA_DIR/uploads/ by its random id, never under public/: it is served only by a
 * route that decides who may read it.
 */
export const uploads = sqliteTable("uploads", {
  /** 32 random hex characters: also the file's name on disk. */
  id: text().primaryKey(),
  /** The name the sender's computer gave it, for the download's file name only. */
  originalName: text().notNull(),
  /** The type its content shows, as sniffed on arrival. */
  contentType: text().notNull(),
  sizeBytes: integer().notNull(),
  createdAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
});

export type Upload = InferSelectModel<typeof uploads>;
