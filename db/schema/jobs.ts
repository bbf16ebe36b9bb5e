import { type InferSelectModel, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { employmentTypes, jobApplicationStatuses, jobStatuses, payUnits } from "@/lib/model/jobs";
import { inList } from "./sql-lists";
import { uploads } from "./uploads";
import { users } from "./users";

/** A job listing; public while published and its closing day has not passed. */
export const jobs = sqliteTable(
  "jobs",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The posting's address under /jobs/; never changes once published (links and search engines keep it). */
    slug: text().notNull().unique(),
    title: text().notNull(),
    department: text().notNull(),
    employmentType: text({ enum: employmentTypes }).notNull(),
    /** How many hours, in words: "20–30 hours a week, some weekends". */
    hours: text().notNull(),
    payMinCents: integer().notNull(),
    /** Null: a single rate, not a range. */
    payMaxCents: integer(),
    payUnit: text({ enum: payUnits }).notNull(),
    location: text().notNull(),
    description: text().notNull(),
    responsibilities: text().notNull().default(""),
    qualifications: text().notNull().default(""),
    benefits: text().notNull().default(""),
    /** The last day applications are taken (YYYY-MM-DD, store time); the posting leaves the list after it. */
    closesOn: text().notNull(),
    status: text({ enum: jobStatuses }).notNull().default("draft"),
    /** When it was first published: JobPosting's datePosted. */
    publishedAt: integer({ mode: "timestamp_ms" }),
    closedAt: integer({ mode: "timestamp_ms" }),
    createdBy: text().references(() => users.id, { onDelete: "set null" }),
    updatedBy: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    updatedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    index("jobs_status_idx").on(table.status, table.closesOn),
    check("jobs_status_check", sql`${table.status} in (${inList(jobStatuses)})`),
    check("jobs_employment_type_check", sql`${table.employmentType} in (${inList(employmentTypes)})`),
    check("jobs_pay_unit_check", sql`${table.payUnit} in (${inList(payUnits)})`),
    check("jobs_pay_check", sql`${table.payMinCents} >= 0 and (${table.payMaxCents} is null or ${table.payMaxCents} >= ${table.payMinCents})`),
  ],
);

export type Job = InferSelectModel<typeof jobs>;

/** Someone's application to a posting, with where staff have taken it. */
export const jobApplications = sqliteTable(
  "job_applications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    jobId: integer()
      .notNull()
      .references(() => jobs.id, { onDelete: "restrict" }),
    name: text().notNull(),
    email: text().notNull(),
    phone: text().notNull(),
    availability: text().notNull(),
    isOwner: integer({ mode: "boolean" }).notNull().default(false),
    coverLetter: text().notNull().default(""),
    resumeUploadId: text().references(() => uploads.id, { onDelete: "set null" }),
    /** A résumé pasted as text instead of a file. */
    resumeText: text(),
    status: text({ enum: jobApplicationStatuses }).notNull().default("new"),
    /** Staff's notes; never shown to the applicant. */
    notes: text().notNull().default(""),
    createdAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
    statusChangedAt: integer({ mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (table) => [
    index("job_applications_job_idx").on(table.jobId, table.status),
    check("job_applications_status_check", sql`${table.status} in (${inList(jobApplicationStatuses)})`),
  ],
);

export type JobApplication = InferSelectModel<typeof jobApplications>;
