import "server-only";
import path from "node:path";
import type { DB } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { listBackups, pruneBackups } from "@/lib/backups/backup-folders";
import { takeBackup } from "@/lib/backups/take-backup";
import { deleteExpiredJobApplications } from "@/lib/jobs/retention";
import { deleteExpiredNewsletterSignups } from "@/lib/newsletter/signup-expiry";
import { CONFIRM_LINK_DAYS } from "@/lib/newsletter/vocabulary";

/** A daily backup is due once the newest is this old (a little under a day, so that a run a day later never just misses it). */
const DAILY_BACKUP_AFTER_MS = 23 * 60 * 60_000;

/** Who started a run: the server's schedule, or someone typing `npm run db:maintain`. */
export type MaintenanceTrigger = "schedule" | "command";

export type MaintenanceReport = {
  jobApplicationsDeleted: number;
  newsletterSignupsExpired: number;
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
 * The housekeeping the data needs every day: retention of job applications with their
 * résumés, expiry of newsletter signups never confirmed, and (on the server's schedule)
 * the daily backup with the pruning of old ones. Each run is audited as counts, whatever
 * they are, so the audit log shows the schedule kept.
 */
export async function runMaintenance(
  database: DB,
  options: { dataDir: string; backupKeep: number; trigger: MaintenanceTrigger; now?: Date },
): Promise<MaintenanceReport> {
  const now = options.now ?? new Date();
  const jobApplicationsDeleted = deleteExpiredJobApplications(database, now);
  const newsletterSignupsExpired = deleteExpiredNewsletterSignups(database, now);
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
  const report = { jobApplicationsDeleted, newsletterSignupsExpired, backupTaken, backupsRemoved, backupError };
  recordAudit(database, null, { action: "maintenance.run", subjectType: "maintenance", subjectId: options.trigger, detail: report });
  return report;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function maintenanceMessage(report: MaintenanceReport) {
  return [
    `Maintenance: deleted ${plural(report.jobApplicationsDeleted, "job application")} (with their résumé files) whose posting closed longer ago than Settings keeps them`,
    `deleted ${plural(report.newsletterSignupsExpired, "newsletter signup")} never confirmed within ${CONFIRM_LINK_DAYS} days`,
    report.backupError
      ? `the daily backup FAILED (${report.backupError}); trying again at the next check`
      : report.backupTaken
        ? `took backup ${report.backupTaken} and removed ${plural(report.backupsRemoved, "old backup")}`
        : "no backup due",
  ].join("; ");
}
