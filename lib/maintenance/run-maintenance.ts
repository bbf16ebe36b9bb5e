import "server-only";
import path from "node:path";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { listBackups, pruneBackups } from "@/lib/backups/backup-folders";
import { takeBackup } from "@/lib/backups/take-backup";
import { clearOldSentEmails } from "@/lib/email/outbox-retention";
import { getEnv, type Env } from "@/lib/env";
import { deleteExpiredJobApplications } from "@/lib/jobs/retention";
import { deleteExpiredNewsletterSignups } from "@/lib/newsletter/signup-expiry";
import { deleteExpiredStagedImports } from "@/lib/newsletter/import-list";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";
import { STAGED_IMPORT_KEEP_HOURS } from "@/lib/model/newsletter-import";
import { deleteExpiredDeclinedApplications } from "@/lib/owners/application-retention";
import { deleteLapsedHouseholdInvitations, LAPSED_INVITATION_KEEP_DAYS } from "@/lib/owners/household-invitations";

/** A daily backup is due once the newest is this old (a little under a day, so that a run a day later never just misses it). */
const DAILY_BACKUP_AFTER_MS = 23 * 60 * 60_000;

/** Who started a run: the server's schedule, or someone typing `npm run db:maintain`. */
export type MaintenanceTrigger = "schedule" | "command";

/** The periods set by the environment (the job applications' one is an admin setting, read by its step). */
export type RetentionPeriods = { outboxKeepDays: number; declinedApplicationKeepDays: number };

export const retentionPeriodsOf = (env: Pick<Env, keyof RetentionPeriods>): RetentionPeriods => ({
  outboxKeepDays: env.outboxKeepDays,
  declinedApplicationKeepDays: env.declinedApplicationKeepDays,
});

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * Each deletion the portal promises, run in this order: one count in the report and the
 * audit entry, one clause in the printed message. A new period is one more step here.
 */
const retentionSteps = [
  {
    key: "jobApplicationsDeleted",
    run: (database: DB, now: Date) => deleteExpiredJobApplications(database, now),
    says: (count: number) => `deleted ${plural(count, "job application")} (with their résumé files and mail) whose posting closed longer ago than Settings keeps them`,
  },
  {
    key: "newsletterSignupsExpired",
    run: (database: DB, now: Date) => deleteExpiredNewsletterSignups(database, now),
    says: (count: number) => `deleted ${plural(count, "newsletter signup")} never confirmed within ${CONFIRM_LINK_DAYS} days (with their confirmation email)`,
  },
  {
    key: "stagedImportsDeleted",
    run: (database: DB, now: Date) => deleteExpiredStagedImports(database, now),
    says: (count: number) => `deleted ${plural(count, "list file")} uploaded for an import and not imported within ${STAGED_IMPORT_KEEP_HOURS} hours`,
  },
  {
    key: "declinedOwnerApplicationsDeleted",
    run: (database: DB, now: Date, periods: RetentionPeriods) => deleteExpiredDeclinedApplications(database, now, periods.declinedApplicationKeepDays),
    says: (count: number, periods: RetentionPeriods) =>
      `deleted ${plural(count, "declined owner application")} (with their household and mail) decided more than ${periods.declinedApplicationKeepDays} days ago`,
  },
  {
    key: "householdInvitationsRemoved",
    run: (database: DB, now: Date) => deleteLapsedHouseholdInvitations(database, now),
    says: (count: number) => `removed ${plural(count, "household invitation")} left unanswered ${LAPSED_INVITATION_KEEP_DAYS} days past expiry (with its email)`,
  },
  {
    key: "sentEmailsCleared",
    run: (database: DB, now: Date, periods: RetentionPeriods) => clearOldSentEmails(database, now, periods.outboxKeepDays),
    says: (count: number, periods: RetentionPeriods) => `cleared ${plural(count, "sent email")} older than ${periods.outboxKeepDays} days`,
  },
] as const;

export type RetentionCounts = Record<(typeof retentionSteps)[number]["key"], number>;

export type MaintenanceReport = RetentionCounts & {
  /** The folder name of the backup this run took, or null when none was due. */
  backupTaken: string | null;
  backupsRemoved: number;
  /** Why the backup that was due failed, or null; the schedule tries again at its next look. */
  backupError: string | null;
};

export function dailyBackupDue(dataDir: string, now: Date) {
  const newest = listBackups(dataDir)[0];
  return !newest || now.getTime() - newest.takenAt.getTime() >= DAILY_BACKUP_AFTER_MS;
}

/**
 * The housekeeping the data needs every day: each retention step above (records past
 * their period, with their files and the mail about them; sent mail past OUTBOX_KEEP_DAYS)
 * and, on the server's schedule, the daily backup with the pruning of old ones. Each run is
 * audited as counts, whatever they are, so the audit log shows the schedule kept.
 */
export async function runMaintenance(
  database: DB,
  options: { dataDir: string; backupKeep: number; trigger: MaintenanceTrigger; now?: Date; periods?: RetentionPeriods },
): Promise<MaintenanceReport> {
  const now = options.now ?? new Date();
  const periods = options.periods ?? retentionPeriodsOf(getEnv());
  const counts = Object.fromEntries(retentionSteps.map((step) => [step.key, step.run(database, now, periods)])) as RetentionCounts;
  let backupTaken: string | null = null;
  let backupsRemoved = 0;
  let backupError: string | null = null;
  if (options.trigger === "schedule" && dailyBackupDue(options.dataDir, now)) {
    // A failed backup (a full disk) must not hold up the deletions above, nor hide them from the audit log.
    try {
      const backup = await takeBackup({ dataDir: options.dataDir, reason: "daily", now });
      backupTaken = path.basename(backup.folder);
      backupsRemoved = pruneBackups(options.dataDir, options.backupKeep, now);
    } catch (error) {
      backupError = error instanceof Error ? error.message : String(error);
    }
  }
  const report: MaintenanceReport = { ...counts, backupTaken, backupsRemoved, backupError };
  recordAudit(database, null, { action: "maintenance.run", subjectType: "maintenance", subjectId: options.trigger, detail: report });
  return report;
}

export function maintenanceMessage(report: MaintenanceReport, periods: RetentionPeriods = retentionPeriodsOf(getEnv())) {
  const clauses = [
    ...retentionSteps.map((step) => step.says(report[step.key], periods)),
    report.backupError
      ? `the daily backup FAILED (${report.backupError}); trying again at the next check`
      : report.backupTaken
        ? `took backup ${report.backupTaken} and removed ${plural(report.backupsRemoved, "old backup")}`
        : "no backup due",
  ];
  return `Maintenance: ${clauses.join("; ")}`;
}
