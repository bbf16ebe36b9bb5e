import "server-only";
import fs from "node:fs";
import type { DB } from "@/db/client";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import type { Executor } from "@/db/queries/executor";
import { chooseListsForSubscriber } from "@/db/queries/newsletter-lists";
import {
  deleteStagedImportsBefore,
  getStagedImport,
  insertImportedSubscribers,
  listListsForImport,
  subscriberStatusesByEmail,
  takeStagedImport,
  type ImportRefusal,
} from "@/db/queries/newsletter-imports";
import { getSiteSettings } from "@/db/queries/site";
import { queueEmails, wakeEmailWorker } from "@/lib/email/queue";
import { getEnv } from "@/lib/env";
import { decodeTextFile, parseCsv, type CsvParse } from "@/lib/model/csv-parse";
import { explainRefusals } from "@/lib/model/errors";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";
import { importAddresses, planImport, STAGED_IMPORT_KEEP_HOURS, type ImportPlan } from "@/lib/model/newsletter-import";
import { removeStoredUploads, storedUploadPath } from "@/lib/uploads/storage";
import { importAddressOf } from "@/lib/validations/newsletter-import";
import { importConfirmationEmail } from "./subscription-emails";
import { hashNewsletterToken, newNewsletterToken } from "./tokens";

const HOUR_MS = 60 * 60_000;

/**
 * Confirmation emails an import lets out per minute. They wait in the outbox with their
 * send times spread out, so that mail queued after them (a sign-in link, another signup's
 * confirmation) is sent at once rather than behind ten thousand of them: 10,000 go out
 * over about 17 minutes.
 */
export const IMPORT_EMAILS_PER_MINUTE = 600;

/** The staged file's lines, read from disk; null when it is no longer staged (or its file is gone). */
function readStagedFile(executor: Executor, id: string): { parsed: CsvParse; name: string; stagedAt: Date } | null {
  const row = getStagedImport(executor, id);
  if (!row) return null;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(storedUploadPath(id));
  } catch {
    return null;
  }
  // It was checked to be text when it was staged.
  return { parsed: parseCsv(decodeTextFile(bytes) ?? ""), name: row.originalName, stagedAt: row.createdAt };
}

/** What importing the file would do against the database as `executor` sees it now. */
function planFor(executor: Executor, parsed: CsvParse) {
  const statuses = subscriberStatusesByEmail(executor, importAddresses(parsed, importAddressOf));
  return planImport(parsed, listListsForImport(executor), importAddressOf, (email) => statuses.get(email));
}

export type ImportPreview = { name: string; stagedAt: Date; plan: ImportPlan };

/** Staff: what importing the staged file `id` would do now; null when it is no longer staged. Writes nothing. */
export function previewStagedImport(id: string): ImportPreview | null {
  const file = readStagedFile(db, id);
  if (!file) return null;
  const plan = planFor(db, file.parsed);
  // The file was refused at its upload without a header; one that lost it since is not staged.
  if ("problem" in plan) return null;
  return { name: file.name, stagedAt: file.stagedAt, plan };
}

/** What an import did, as counts: audited, and said to staff. */
export type ImportCounts = { lines: number; imported: number; bad: number; duplicates: number; alreadyThere: number; unsubscribedBefore: number };

const explained = explainRefusals<ImportRefusal>({
  import_not_staged: "This file is no longer waiting to be imported: it was imported already (perhaps by someone else a moment ago), or it waited longer than a day. Nothing was changed.",
});

/**
 * Staff: imports the staged file `id`, deciding every line again against the database as
 * it stands. In one IMMEDIATE transaction, each new address becomes a pending subscriber
 * with a fresh confirmation link (stored hashed, expiring as a signup's), its lists chosen
 * with consent source `import` (pending until the person confirms), and its confirmation
 * email queued, paced (IMPORT_EMAILS_PER_MINUTE); addresses the portal knows, whatever
 * their status, are not touched and get nothing. The staged row goes in the same
 * transaction, so a second press finds nothing (`import_not_staged`); the audit entry
 * holds counts and who, never an address. The file is removed after the commit.
 */
export function importStagedList(id: string, actor: AuditActor) {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + CONFIRM_LINK_DAYS * 24 * HOUR_MS);
  const site = { coopName: getSiteSettings().coopName, siteUrl: getEnv().siteUrl };
  let counts: ImportCounts;
  try {
    counts = db.transaction(
      (tx): ImportCounts => {
        const file = readStagedFile(tx, id);
        const plan = file && planFor(tx, file.parsed);
        takeStagedImport(tx, id);
        if (!plan || "problem" in plan) return { lines: 0, imported: 0, bad: 0, duplicates: 0, alreadyThere: 0, unsubscribedBefore: 0 };
        const tokens = plan.entries.map(() => newNewsletterToken());
        const ids = insertImportedSubscribers(
          tx,
          plan.entries.map((entry, index) => ({ email: entry.email, firstName: entry.name, confirmTokenHash: hashNewsletterToken(tokens[index]!), confirmTokenExpiresAt: expiresAt, signedUpAt: now })),
        );
        for (const entry of plan.entries) chooseListsForSubscriber(tx, ids.get(entry.email)!, entry.listIds, { at: now, source: "import" });
        queueEmails(
          tx,
          plan.entries.map((entry, index) => ({
            to: entry.email,
            ...importConfirmationEmail(site, tokens[index]!),
            redactAfter: expiresAt,
            concerns: { type: "newsletter_subscriber" as const, id: ids.get(entry.email)! },
            notBefore: new Date(now.getTime() + Math.floor((index * 60_000) / IMPORT_EMAILS_PER_MINUTE)),
          })),
        );
        const summary = {
          lines: plan.lines,
          imported: plan.entries.length,
          bad: plan.bad.length,
          duplicates: plan.duplicates.length,
          alreadyThere: plan.alreadyThere,
          unsubscribedBefore: plan.unsubscribedBefore,
        };
        recordAudit(tx, actor, { action: "newsletter_import.import", subjectType: "newsletter_import", subjectId: id, detail: summary });
        return summary;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    throw explained(error);
  }
  removeStoredUploads([id]);
  if (counts.imported > 0) wakeEmailWorker();
  return counts;
}

/**
 * Files staged for an import and left waiting longer than STAGED_IMPORT_KEEP_HOURS are
 * deleted, rows and files, by the daily maintenance; returns how many.
 */
export function deleteExpiredStagedImports(database: DB, now: Date) {
  const ids = database.transaction((tx) => deleteStagedImportsBefore(tx, new Date(now.getTime() - STAGED_IMPORT_KEEP_HOURS * HOUR_MS)), { behavior: "immediate" });
  removeStoredUploads(ids);
  return ids.length;
}
