import { type InferSelectModel, sql } from "drizzle-orm";
import { check, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const roles = ["member", "staff", "admin"] as const;
export type Role = (typeof roles)[number];

/** People who can sign in. Shaped for the Auth.js adapter, plus the portal's role. */
export const users = sqliteTable(
  "users",
  {
    id: text()
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text(),
    email: text().notNull().unique(),
    emailVerified: integer({ mode: "timestamp_ms" }),
    image: text(),
    role: text({ enum: roles }).notNull().default("member"),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [check("users_role_check", sql`${table.role} in ('member', 'staff', 'admin')`)],
);

export type User = InferSelectModel<typeof users>;
