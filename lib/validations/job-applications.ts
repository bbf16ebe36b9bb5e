import "./zod-config";
import { z } from "zod";
import { RESUME_MAX_BYTES } from "@/lib/model/jobs";
import { isUploadedFile, noFileChosen, type UploadedFile } from "./fields";
import { jobApplicationSchema } from "./jobs";
import { resumeTooLargeMessage } from "./resume-messages";

export type { UploadedFile } from "./fields";

/**
 * The résumé file field (an input left empty is no file), as the upload route received
 * it: its size is checked here; its type by its content, from disk (lib/jobs/resume-type.ts).
 */
const resumeFile = z.preprocess(
  (value) => (noFileChosen(value) ? undefined : value),
  z
    .custom<UploadedFile>(isUploadedFile, { error: "Choose a file." })
    .refine((file) => file.size > 0, { error: "This file is empty. Choose your résumé file, or paste your résumé as text above.", abort: true })
    .refine((file) => file.size <= RESUME_MAX_BYTES, { error: resumeTooLargeMessage })
    .optional(),
);

/**
 * The application form as posted: the text fields, and a résumé given either as a file
 * (`resume`) or as pasted text (`resumeText`), at least one of them.
 */
export const jobApplicationFormSchema = jobApplicationSchema.extend({ resume: resumeFile }).superRefine((application, context) => {
  if (!application.resume && !application.resumeText) {
    context.addIssue({ code: "custom", path: ["resume"], message: "Attach your résumé as a PDF or Word file, or paste it as text above." });
  }
});

export type JobApplicationFormInput = z.output<typeof jobApplicationFormSchema>;
