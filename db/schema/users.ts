import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { roles } from "@/lib/model/users";

// The four tables below are shaped for @auth/drizzle-adapter (next-auth's database
// sessions and email sign-in), plus the portal's role and last sign-in on users.

/** People who can sign in. */
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
    lastSignInAt: integer({ mode: "timestamp_ms" }),
    /** A disabled account cannot sign in (demo accounts left in a production database). */
    disabledAt: integer({ mode: "timestamp_ms" }),
    /** The person asked, on /account, to be emailed when an election's results are certified. Off until they say yes. */
    electionResultsEmail: integer({ mode: "boolean" }).notNull().default(false),
  },
  (table) => [check("users_role_check", sql`${table.role} in ('member', 'staff', 'admin')`)],
);

export type User = InferSelectModel<typeof users>;

/** Links to outside identity providers; unused by email sign-in but required by the adapter. */
export const accounts = sqliteTable(
  "accounts",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] })],
);

/** Database sessions: signing out deletes the row, so a stolen cookie dies with it. */
export const sessions = sqliteTable(
  "sessions",
  {
    sessionToken: text().primaryKey(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

/** Emailed sign-in links. next-auth stores only a hash of each token; using one deletes it. */
export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    identifier: text().notNull(),
    token: text().notNull(),
    expires: integer({ mode: "timestamp_ms" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);
