import { z } from "zod";
import { RESUME_MAX_BYTES } from "@/lib/jobs/vocabulary";
import { isUploadedFile, noFileChosen, type UploadedFile } from "./fields";
import { jobApplicationSchema } from "./jobs";

export const RESUME_MAX_LABEL = `${RESUME_MAX_BYTES / (1024 * 1024)} MB`;

/** What the résumé field says when a file is too big: the same words in the browser and from the server. */
export const resumeNoSpaceMessage = "We cannot store files right now. Please paste your résumé as text below, or try again later.";
export const resumeTooLargeMessage = `This file is larger than ${RESUME_MAX_LABEL}. Send a smaller file, or paste your résumé as text below.`;

export type { UploadedFile } from "./fields";

/**
 * The résumé file field (an input left empty is no file). The size is checked here,
 * from what the parsed form holds, before anything reads the content; the type is
 * checked by content once the rest of the form is valid (see lib/jobs/resume-type.ts).
 */
const resumeFile = z.preprocess(
  (value) => (noFileChosen(value) ? undefined : value),
  z
    .custom<UploadedFile>(isUploadedFile, { error: "Choose a file." })
    .refine((file) => file.size > 0, { error: "This file is empty. Choose your résumé file, or paste your résumé as text below.", abort: true })
    .refine((file) => file.size <= RESUME_MAX_BYTES, { error: resumeTooLargeMessage })
    .optional(),
);

/**
 * The application form as posted: the text fields, and a résumé given either as a file
 * (`resume`) or as pasted text (`resumeText`), at least one of them.
 */
export const jobApplicationFormSchema = jobApplicationSchema.extend({ resume: resumeFile }).superRefine((application, context) => {
  if (!application.resume && !application.resumeText) {
    context.addIssue({ code: "custom", path: ["resume"], message: "Attach your résumé as a PDF or Word file, or paste it as text below." });
  }
});

export type JobApplicationFormInput = z.output<typeof jobApplicationFormSchema>;
