import "./zod-config";
import { z } from "zod";
import { ISSUE_PDF_MAX_BYTES } from "@/lib/model/newsletter";
import { day, isUploadedFile, line, noFileChosen, rowId, text, type UploadedFile } from "./fields";

export const ISSUE_PDF_MAX_LABEL = `${ISSUE_PDF_MAX_BYTES / (1024 * 1024)} MB`;

/** What the PDF field says when a file is too big: the same words in the browser and from the server. */
export const issuePdfNoSpaceMessage = "The server has no room to store this file right now, so nothing was saved. Ask an administrator to free disk space, then send it again.";
export const issuePdfTooLargeMessage = `This file is larger than ${ISSUE_PDF_MAX_LABEL}. Export the issue again as a smaller PDF (for screen rather than for print).`;

export const issueNotPdfMessage = "This file is not a PDF. Export the issue as a PDF and choose that file.";

/** The PDF field's words when the uploads' quota (UPLOAD_QUOTA_MB) has no room for the file. */
export const issuePdfQuotaMessage = (used: string, quota: string) =>
  `The space for uploaded files is full (${used} of ${quota} used), so this file was not saved. Delete old issues, or ask an administrator to raise UPLOAD_QUOTA_MB, then send it again.`;

/**
 * The issue's PDF (an input left empty is no file), as the upload route received it: its
 * size is checked here; its type by its content, from disk (lib/newsletter/receive-issue.ts).
 */
const issuePdf = z.preprocess(
  (value) => (noFileChosen(value) ? undefined : value),
  z
    .custom<UploadedFile>(isUploadedFile, { error: "Choose the issue’s PDF file." })
    .refine((file) => file.size > 0, { error: "This file is empty. Choose the issue’s PDF file.", abort: true })
    .refine((file) => file.size <= ISSUE_PDF_MAX_BYTES, { error: issuePdfTooLargeMessage }),
);

/** Staff upload an issue of The Rutabaga Rap. */
export const newsletterIssueSchema = z.object({
  title: line(120),
  issuedOn: day,
  summary: text(1000),
  pdf: issuePdf,
});

export type NewsletterIssueInput = z.output<typeof newsletterIssueSchema>;

export const newsletterIssueDeleteSchema = z.object({ id: rowId });
