// The jobs feature's fixed vocabularies, with the words people read for each. Pure: the
// schema, the forms in the browser and the JSON-LD all import these.

export const employmentTypes = ["full_time", "part_time", "seasonal", "temporary"] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const employmentTypeLabels: Record<EmploymentType, string> = {
  full_time: "Full-time",
  part_time: "Part-time",
  seasonal: "Seasonal",
  temporary: "Temporary",
};

export const payUnits = ["hour", "year"] as const;
export type PayUnit = (typeof payUnits)[number];
export const payUnitLabels: Record<PayUnit, string> = { hour: "an hour", year: "a year" };

/** A posting's life: written as a draft, published to /jobs, closed (and reopened if need be). */
export const jobStatuses = ["draft", "published", "closed"] as const;
export type JobStatus = (typeof jobStatuses)[number];
export const jobStatusLabels: Record<JobStatus, string> = { draft: "Draft", published: "Published", closed: "Closed" };

/** An applicant's way through hiring. */
export const jobApplicationStatuses = ["new", "reviewing", "interview", "offer", "hired", "declined"] as const;
export type JobApplicationStatus = (typeof jobApplicationStatuses)[number];
export const jobApplicationStatusLabels: Record<JobApplicationStatus, string> = {
  new: "New",
  reviewing: "Reviewing",
  interview: "Interview",
  offer: "Offer",
  hired: "Hired",
  declined: "Declined",
};

/** Résumé files accepted, by the type their content shows (never by their name). */
export const resumeContentTypes = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/msword": "doc",
} as const;
export const RESUME_MAX_BYTES = 5 * 1024 * 1024;

/** How long applications are kept after their posting closed: an admin chooses within these days. */
export const RETENTION_DAYS_MIN = 30;
export const RETENTION_DAYS_MAX = 3650;
export const RETENTION_DAYS_DEFAULT = 365;

/** The jobs settings until an admin saves some (their shape is `jobSettingsSchema` in lib/validations/job-settings.ts). */
export const defaultJobSettings = { retentionDays: RETENTION_DAYS_DEFAULT };
