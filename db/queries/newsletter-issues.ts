import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { refusals } from "@/lib/model/errors";
import { db } from "../index";
import { newsletterIssues, uploads } from "../schema";
import type { Executor } from "./executor";

/** The reasons these queries refuse with: an issue's address in use, or an issue that is gone. */
export type IssueRefusal = "slug_taken" | "issue_not_found";
const refuse = refusals<IssueRefusal>();

const issueWithFile = {
  id: newsletterIssues.id,
  slug: newsletterIssues.slug,
  title: newsletterIssues.title,
  issuedOn: newsletterIssues.issuedOn,
  summary: newsletterIssues.summary,
  createdAt: newsletterIssues.createdAt,
  uploadId: uploads.id,
  sizeBytes: uploads.sizeBytes,
  contentType: uploads.contentType,
};

/** Every issue with its file's size, newest first (by its date, then the later upload). */
export function listNewsletterIssues(executor: Executor = db) {
  return executor
    .select(issueWithFile)
    .from(newsletterIssues)
    .innerJoin(uploads, eq(uploads.id, newsletterIssues.uploadId))
    .orderBy(desc(newsletterIssues.issuedOn), desc(newsletterIssues.id))
    .all();
}

export type NewsletterIssueWithFile = ReturnType<typeof listNewsletterIssues>[number];

/**
 * One issue and its file, by the issue's slug. The only way a public route reaches an
 * upload: it serves the file this issue points at, and no other (résumés share the table).
 */
export function getNewsletterIssueBySlug(slug: string, executor: Executor = db): NewsletterIssueWithFile | null {
  return executor.select(issueWithFile).from(newsletterIssues).innerJoin(uploads, eq(uploads.id, newsletterIssues.uploadId)).where(eq(newsletterIssues.slug, slug)).get() ?? null;
}

export function countNewsletterIssues(executor: Executor = db) {
  return executor.select({ n: sql<number>`count(*)` }).from(newsletterIssues).get()!.n;
}

export type NewIssueFile = { id: string; originalName: string; contentType: string; sizeBytes: number };
export type NewIssue = { slug: string; title: string; issuedOn: string; summary: string; createdAt?: Date };

/** Stores an issue and its file's row; `conflict` (`slug_taken`) when another issue has its slug. Returns the issue's id. */
export function insertNewsletterIssue(executor: Executor, issue: NewIssue, file: NewIssueFile, createdBy: string | null) {
  const taken = executor.select({ id: newsletterIssues.id }).from(newsletterIssues).where(eq(newsletterIssues.slug, issue.slug)).get();
  if (taken) throw refuse("conflict", "slug_taken");
  executor.insert(uploads).values(file).run();
  return executor
    .insert(newsletterIssues)
    .values({ ...issue, uploadId: file.id, createdBy })
    .returning({ id: newsletterIssues.id })
    .get().id;
}

/**
 * Deletes an issue and its file's row; returns what it was, with the upload id whose file
 * the caller removes from disk once the transaction commits. `not_found` (`issue_not_found`).
 */
export function deleteNewsletterIssue(executor: Executor, id: number) {
  const issue = executor.select({ id: newsletterIssues.id, title: newsletterIssues.title, issuedOn: newsletterIssues.issuedOn, uploadId: newsletterIssues.uploadId }).from(newsletterIssues).where(eq(newsletterIssues.id, id)).get();
  if (!issue) throw refuse("not_found", "issue_not_found");
  executor.delete(newsletterIssues).where(eq(newsletterIssues.id, id)).run();
  executor.delete(uploads).where(eq(uploads.id, issue.uploadId)).run();
  return issue;
}
