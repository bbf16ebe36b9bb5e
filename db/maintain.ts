import { deleteExpiredJobApplications } from "@/lib/jobs/retention";
import type { DB } from "./client";

/**
 * `npm run db:maintain`, also run at every start: the housekeeping the data needs on a
 * schedule. Today that is the retention of job applications (issue 10).
 */
export function maintainDatabase(database: DB, now = new Date()) {
  return { jobApplicationsDeleted: deleteExpiredJobApplications(database, now) };
}

export function maintenanceMessage(report: ReturnType<typeof maintainDatabase>) {
  const count = report.jobApplicationsDeleted;
  return `Retention: deleted ${count} job application${count === 1 ? "" : "s"} (with their résumé files) whose posting closed longer ago than Settings keeps them`;
}

if (require.main === module) {
  void import("./index").then(({ db }) => {
    console.log(maintenanceMessage(maintainDatabase(db)));
  });
}
