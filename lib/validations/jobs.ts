import "./zod-config";
import { z } from "zod";
import { employmentTypes, jobApplicationStatuses, payUnits } from "@/lib/model/jobs";
import { checkbox, day, dollars, emailAddress, line, optionalText, phoneNumber, rowId, text } from "./fields";

const slug = z
  .string()
  .trim()
  .max(80, { error: "At most 80 characters." })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use lowercase words joined by hyphens, e.g. produce-clerk." });

const markdown = (max: number) => text(max);

/** A posting as staff write it. Pay is typed in dollars and kept in integer cents. */
export const jobPostingSchema = z
  .object({
    title: line(120),
    /** Blank: made from the title. */
    slug: z.preprocess((value) => (value === "" ? undefined : value), slug.optional()),
    department: line(60),
    employmentType: z.enum(employmentTypes, { error: "Choose the kind of job." }),
    hours: line(120),
    payMin: dollars(),
    payMax: z.preprocess((value) => (value === "" ? undefined : value), dollars().optional()),
    payUnit: z.enum(payUnits, { error: "Choose per hour or per year." }),
    location: line(160),
    description: markdown(20_000).min(1, { error: "Required." }),
    responsibilities: markdown(20_000),
    qualifications: markdown(20_000),
    benefits: markdown(20_000),
    closesOn: day,
  })
  .refine((job) => job.payMax === undefined || job.payMax >= job.payMin, { error: "The top of the range cannot be below its bottom.", path: ["payMax"] });

export type JobPostingInput = z.output<typeof jobPostingSchema>;

/** Editing a posting: the same fields and the posting's id. */
export const jobPostingEditSchema = jobPostingSchema.and(z.object({ id: rowId }));

/** A change of a posting's state from the staff list. */
export const jobStatusChangeSchema = z.object({
  id: rowId,
  status: z.enum(["published", "closed"], { error: "Choose publish or close." }),
});



/**
 * A job application's text fields; the résumé file is checked apart, by its content.
 * Either a file or pasted text is needed: the action enforces that once it has seen the file.
 */
export const jobApplicationSchema = z.object({
  jobId: rowId,
  name: line(120),
  email: emailAddress,
  phone: phoneNumber,
  availability: line(500),
  isOwner: checkbox,
  coverLetter: text(10_000),
  resumeText: optionalText(20_000),
});

export type JobApplicationInput = z.output<typeof jobApplicationSchema>;

/** Staff move an applicant along, with notes, and may write them a short email. */
export const applicantUpdateSchema = z.object({
  id: rowId,
  status: z.enum(jobApplicationStatuses, { error: "Choose a status." }),
  notes: text(10_000).optional(),
  emailMessage: optionalText(2_000),
});
