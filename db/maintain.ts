import { deleteExpiredJobApplications } from "@/lib/jobs/retention";
import { deleteExpiredNewsletterSignups } from "@/lib/newsletter/signup-expiry";
import { CONFIRM_LINK_DAYS } from "@/lib/newsletter/vocabulary";
import type { DB } from "./client";

/**
 * `npm run db:maintain`, also run at every start: the housekeeping the data needs on a
 * schedule. Today that is the retention of job applications (issue 10) and the expiry of
 * newsletter signups never confirmed (issue 11).
 */
export function maintainDatabase(database: DB, now = new Date()) {
  return {
    jobApplicationsDeleted: deleteExpiredJobApplications(database, now),
    newsletterSignupsExpired: deleteExpiredNewsletterSignups(database, now),
  };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function maintenanceMessage(report: ReturnType<typeof maintainDatabase>) {
  return [
    `Retention: deleted ${plural(report.jobApplicationsDeleted, "job application")} (with their résumé files) whose posting closed longer ago than Settings keeps them`,
    `deleted ${plural(report.newsletterSignupsExpired, "newsletter signup")} never confirmed within ${CONFIRM_LINK_DAYS} days`,
  ].join("; ");
}

if (require.main === module) {
  void import("./index").then(({ db }) => {
    console.log(maintenanceMessage(maintainDatabase(db)));
  });
}
