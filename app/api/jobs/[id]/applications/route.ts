import type { NextRequest } from "next/server";
import { receiveJobApplication } from "@/lib/jobs/receive-application";
import { answerUploadForm } from "@/lib/uploads/answer-upload-form";

/*
 * The job application form posts here (multipart, with or without JavaScript): a route
 * handler rather than a server action, so that the résumé's body is read only after the
 * checks that need none of it, and only up to its cap, straight to disk. Server actions
 * take small bodies (next.config.js).
 */

type Context = { params: Promise<{ id: string }> };

export async function POST(request: NextRequest, { params }: Context) {
  const { outcome, slug, bodyLeftUnread } = await receiveJobApplication(request, (await params).id);
  const pages = slug ? { next: `/jobs/${slug}/apply/thanks`, returned: `/jobs/${slug}/apply/returned` } : { returned: "/jobs" };
  return await answerUploadForm(request, outcome, pages, { bodyLeftUnread });
}
