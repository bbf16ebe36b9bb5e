import type { InferInsertModel, InferSelectModel } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./users";

/** Content pages (About, Visit, …) kept as Markdown so staff can edit them. */
export const pages = sqliteTable("pages", {
  /** The page's path without the leading slash, e.g. `about/flower-program`; never changes. */
  slug: text().primaryKey(),
  title: text().notNull(),
  description: text().notNull().default(""),
  markdown: text().notNull(),
  updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
});

export type Page = InferSelectModel<typeof pages>;
export type NewPage = InferInsertModel<typeof pages>;

/** Site-wide settings, one JSON value per key, each validated by its zod schema on read. */
export const settings = sqliteTable("settings", {
  key: text().primaryKey(),
  value: text({ mode: "json" }).notNull(),
  updatedBy: text().references(() => users.id, { onDelete: "set null" }),
  updatedAt: integer({ mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
});

export type Setting = InferSelectModel<typeof settings>;
