import fs from "node:fs";
import { Readable } from "node:stream";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getJobApplication } from "@/db/queries/job-applications";
import { refuseRequestFromAnotherSite } from "@/lib/audit/cross-site";
import { requireStaff } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/model/errors";
import { attachmentDisposition } from "@/lib/jobs/resume-file-name";
import { storedUploadPath } from "@/lib/uploads/storage";

const privateFile = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * Staff: an applicant's résumé file, always as a download (never shown inline: it is
 * someone else's file), with the type its content showed on arrival. Audited.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    refuseRequestFromAnotherSite(request);
    const staff = await requireStaff();
    const { id } = await params;
    const found = /^\d{1,12}$/.test(id) ? getJobApplication(Number(id)) : null;
    if (!found?.resumeFile) throw new AppError("not_found", "This application has no résumé file.");
    const { resumeFile } = found;
    let stream: fs.ReadStream;
    try {
      stream = await openFile(storedUploadPath(resumeFile.id));
    } catch {
      throw new AppError("not_found", "The résumé file is missing from the server.");
    }
    recordAudit(db, staff, { action: "job_application.resume", subjectType: "job_application", subjectId: String(found.application.id) });
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
      headers: {
        ...privateFile,
        "Content-Type": resumeFile.contentType,
        "Content-Length": String(resumeFile.sizeBytes),
        "Content-Disposition": attachmentDisposition(resumeFile.originalName),
      },
    });
  } catch (error) {
    return errorResponse(error, privateFile);
  }
}

/** A read stream once the file is open, so a missing file is an error here rather than mid-response. */
function openFile(file: string) {
  return new Promise<fs.ReadStream>((resolve, reject) => {
    const stream = fs.createReadStream(file);
    stream.once("open", () => resolve(stream));
    stream.once("error", reject);
  });
}
