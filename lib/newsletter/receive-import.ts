import "server-only";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { insertStagedImport } from "@/db/queries/newsletter-imports";
import type { SessionUser } from "@/lib/auth/session";
import { decodeTextFile, parseCsv } from "@/lib/model/csv-parse";
import { AppError, CORRECT_FIELDS, isAppError } from "@/lib/model/errors";
import { IMPORT_MAX_BYTES, readImportHeader, type ImportFileProblem } from "@/lib/model/newsletter-import";
import { admitStaffUpload } from "@/lib/uploads/admit-staff-upload";
import { refusalOutcome, wantsJson, type UploadOutcome } from "@/lib/uploads/answer-upload-form";
import { assertUploadFits, uploadSpace } from "@/lib/uploads/quota";
import { declaresMoreThanCap, readUploadForm, type FileRefusal, type ReceivedForm } from "@/lib/uploads/read-upload-form";
import type { PendingUpload } from "@/lib/uploads/storage";
import { importFileMessages } from "@/lib/validations/newsletter-import";

export const IMPORT_PAGE = "/staff/newsletter/import";
/** The preview of a staged file: the upload id is no one's data, and the page is staff's alone. */
export const importPreviewPath = (id: string) => `${IMPORT_PAGE}?file=${id}`;

/** The route's verdict; `next` is the staged file's preview, when the file was kept. */
export type ImportReceipt = { outcome: UploadOutcome; bodyLeftUnread: boolean; next?: string };

const refusalWords: Record<FileRefusal, string> = { too_large: importFileMessages.tooLarge, over_quota: importFileMessages.quotaFull, no_space: importFileMessages.noSpace };
const problemWords: Record<ImportFileProblem, string> = { empty: importFileMessages.empty, no_email_column: importFileMessages.noEmailColumn, repeated_column: importFileMessages.repeatedColumn };

const fileRefused = (message: string, status = 400): UploadOutcome => ({ ok: false, status, message: CORRECT_FIELDS, fieldErrors: { file: [message] } });

/**
 * Staff: stages a CSV of an existing mailing list for its preview, through the import's
 * upload route. A post from another site, or from anyone but staff, or (to the page's
 * script) a body declared longer than the cap, is refused before a byte of it is read;
 * then the file goes to disk up to IMPORT_MAX_BYTES, and is kept only if its content is
 * UTF-8 text whose header row names an `email` column. Nothing else is written: the
 * addresses wait in the file until staff press "Import" on the preview.
 */
export async function receiveImportFile(request: Request): Promise<ImportReceipt> {
  const admitted = await admitStaffUpload(request);
  if (!admitted.ok) return { outcome: admitted.outcome, bodyLeftUnread: true };
  const { actor } = admitted;
  if (wantsJson(request) && declaresMoreThanCap(request, IMPORT_MAX_BYTES)) return { outcome: fileRefused(importFileMessages.tooLarge, 413), bodyLeftUnread: true };
  const form = await readUploadForm(request, { fileField: "file", maxFileBytes: IMPORT_MAX_BYTES, roomBytes: uploadSpace().roomBytes });
  if (!form) return { outcome: refusalOutcome(new AppError("bad_request", "This form could not be read. Reload the page and send it again.")), bodyLeftUnread: true };
  let kept = false;
  try {
    const { outcome, next } = await stageFile(form, actor);
    kept = outcome.ok;
    return { outcome, next, bodyLeftUnread: form.cutOff };
  } finally {
    if (!kept) form.file?.pending?.discard();
  }
}

/** Checks the received file by content and stores its row; the page to go to is the file's preview. */
async function stageFile(form: ReceivedForm, actor: SessionUser): Promise<{ outcome: UploadOutcome; next?: string }> {
  const { file } = form;
  const refused = (message: string, status?: number) => ({ outcome: fileRefused(message, status) });
  if (file?.refusal) return refused(refusalWords[file.refusal], file.refusal === "too_large" ? 413 : 400);
  if (form.cutOff) return refused(importFileMessages.tooLarge, 413);
  if (!file?.pending) return refused(importFileMessages.missing);
  const problem = await fileProblem(file.pending);
  if (problem) return refused(problem);
  const pending = file.pending;
  try {
    db.transaction(
      (tx) => {
        assertUploadFits(tx, pending.sizeBytes);
        insertStagedImport(tx, { id: pending.id, originalName: file.name.slice(0, 200), sizeBytes: pending.sizeBytes });
        recordAudit(tx, actor, { action: "newsletter_import.stage", subjectType: "newsletter_import", subjectId: pending.id, detail: { sizeBytes: pending.sizeBytes } });
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (isAppError(error)) return refused(importFileMessages.quotaFull);
    throw error;
  }
  pending.keep();
  return { outcome: { ok: true }, next: importPreviewPath(pending.id) };
}

/** What is wrong with the file as a list to import, read from disk: not text, or no usable header row. */
async function fileProblem(pending: PendingUpload): Promise<string | null> {
  const text = decodeTextFile(new Uint8Array(await (await pending.blob()).arrayBuffer()));
  if (text === null) return importFileMessages.notText;
  const header = readImportHeader(parseCsv(text));
  return "problem" in header ? problemWords[header.problem] : null;
}
