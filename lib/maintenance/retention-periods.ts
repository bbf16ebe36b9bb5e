import "server-only";
import { db } from "@/db";
import { RATE_LIMIT_LONGEST_WINDOW_MS } from "@/db/queries/rate-limits";
import { getJobSettings } from "@/db/queries/job-settings";
import { authOptions } from "@/lib/auth/options";
import { SIGN_IN_LINK_MAX_AGE_SECONDS } from "@/lib/auth/sign-in-links";
import { getEnv } from "@/lib/env";
import { CAMPAIGN_COPY_KEPT_MS } from "@/lib/newsletter/campaign-sender";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";
import { INVITATION_DAYS, LAPSED_INVITATION_KEEP_DAYS } from "@/lib/owners/household-invitations";

const DAY_MS = 86_400_000;

export type RetentionPeriod = {
  what: string;
  /** How long, and what happens then. */
  kept: string;
  /** Where the period comes from: a setting, an environment variable, or the portal itself. */
  setBy: string;
};

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

/**
 * Every period the portal keeps personal data for, as the daily maintenance (and the
 * email worker) enforce them, read from the same settings and variables they read: for
 * the staff settings page, so that what staff can tell people is what the code does.
 */
export function listRetentionPeriods(): RetentionPeriod[] {
  const env = getEnv();
  const { retentionDays } = getJobSettings(db);
  const sessionDays = Math.round((authOptions.session?.maxAge ?? 0) / 86_400);
  return [
    { what: "Newsletter signups never confirmed", kept: `Deleted ${days(CONFIRM_LINK_DAYS)} after signing up, with their confirmation email.`, setBy: "Fixed: the life of the confirmation link" },
    { what: "Job applications and résumés", kept: `Deleted ${days(retentionDays)} after the posting closes, with the emails about them.`, setBy: "Job applications, on this page" },
    {
      what: "Owner applications, declined",
      kept: `Deleted ${days(env.declinedApplicationKeepDays)} after the decision, with the household, the FLOWER answers and the emails about them.`,
      setBy: "DECLINED_APPLICATION_KEEP_DAYS",
    },
    { what: "Owner applications, withdrawn by the applicant", kept: "Deleted at once, with the household, the FLOWER answers and the emails about them.", setBy: "Fixed" },
    { what: "Owner applications, approved", kept: "Kept as long as the ownership, which refers to them.", setBy: "Fixed" },
    {
      what: "Sent and failed emails",
      kept: `Content and .eml files removed after ${days(env.outboxKeepDays)}; the message is deleted, except a newsletter copy, which keeps its address and whether it went out (for the campaign's counts).`,
      setBy: "OUTBOX_KEEP_DAYS",
    },
    {
      what: "Personal links in sent emails",
      kept: `Sign-in links blanked once they expire (${SIGN_IN_LINK_MAX_AGE_SECONDS / 60} minutes), confirmation links after ${days(CONFIRM_LINK_DAYS)}, unsubscribe links in newsletter copies after ${days(CAMPAIGN_COPY_KEPT_MS / DAY_MS)}.`,
      setBy: "Fixed",
    },
    {
      what: "Household invitations",
      kept: `An invitation not answered expires after ${days(INVITATION_DAYS)}, and is removed with its email ${days(LAPSED_INVITATION_KEEP_DAYS)} after that; a declined one at once.`,
      setBy: "Fixed",
    },
    { what: "Sign-in sessions", kept: `End after ${days(sessionDays)} without a visit, or when the person signs out.`, setBy: "Fixed" },
    { what: "Rate-limit records", kept: `Client and email addresses, hashed; cleared out once ${RATE_LIMIT_LONGEST_WINDOW_MS / 3_600_000} hours old, as the next request is counted.`, setBy: "Fixed" },
    { what: "Backups", kept: `The newest ${env.backupKeep} (one a day). Data deleted above stays in them until they are removed.`, setBy: "BACKUP_KEEP" },
    { what: "Audit log", kept: "Kept. It records which staff member did what, when, to which record (by number), and counts; not what people wrote.", setBy: "Fixed" },
  ];
}
