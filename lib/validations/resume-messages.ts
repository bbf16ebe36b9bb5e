import { RESUME_MAX_BYTES } from "@/lib/model/jobs";

// Apart from the schema (job-applications.ts), so that the application form in the
// browser shows them without loading zod.

export const RESUME_MAX_LABEL = `${RESUME_MAX_BYTES / (1024 * 1024)} MB`;

// The résumé field's words when a file cannot be taken: the same in the browser and from
// the server. The pasted-text field comes before the file field (the file is the form's
// last field), so it is "above".
export const resumeNoSpaceMessage = "We cannot store files right now. Please paste your résumé as text above, or try again later.";
export const resumeQuotaMessage = "We cannot take more files at the moment. Please paste your résumé as text above instead: it reaches us just the same.";
export const resumeTooLargeMessage = `This file is larger than ${RESUME_MAX_LABEL}. Send a smaller file, or paste your résumé as text above.`;
export const resumeNotAcceptedMessage = "This file is not a PDF or a Word document. Choose your résumé as a PDF, .docx or .doc file, or paste it as text above.";
