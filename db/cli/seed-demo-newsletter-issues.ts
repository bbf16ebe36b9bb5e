import { addMonths, formatISO, startOfMonth } from "date-fns";
import { PDFDocument, rgb, StandardFonts } from "pdf-lib";
import { storeDay } from "@/lib/model/format";
import { writePendingUpload, type PendingUpload } from "@/lib/uploads/storage";
import { issueDownloadName, issueSlug } from "@/lib/newsletter/issue-files";
import { ISSUE_PDF_MAX_BYTES } from "@/lib/model/newsletter";
import type { Executor } from "../queries/executor";
import { countNewsletterIssues, insertNewsletterIssue } from "../queries/newsletter-issues";
import { defaultSiteSettings } from "@/lib/model/site-settings";

type DemoIssue = { title: string; monthsAgo: number; summary: string; contents: string[] };

const demoIssues: DemoIssue[] = [
  {
    title: "The root cellar issue",
    monthsAgo: 1,
    summary: "Keeping squash, roots and apples through the winter; a rutabaga mash the whole table will eat; and the board's report on the new bulk aisle.",
    contents: ["Keeping the harvest: squash, roots and apples until spring", "Recipe: rutabaga and apple mash", "From the board: the new bulk aisle", "Owner story: forty years of Saturday shopping"],
  },
  {
    title: "Meet your growers",
    monthsAgo: 4,
    summary: "Five farms within an hour of the store, who grows what, and how the co-op pays them; plus the summer hours and the FLOWER program's new members.",
    contents: ["Five farms within an hour of the store", "How the co-op pays its growers", "Summer hours and the farmers' market stand", "FLOWER: discounts for more households"],
  },
];

/** The first of the month `monthsAgo` before today's store day, YYYY-MM-DD. */
const issueDay = (monthsAgo: number) => formatISO(startOfMonth(addMonths(new Date(`${storeDay()}T12:00:00Z`), -monthsAgo)), { representation: "date" });

/** A one-page demo issue: a title page written fresh with pdf-lib (Helvetica, so plain ASCII text). */
async function renderDemoIssuePdf(issue: DemoIssue, issuedOn: string) {
  const document = await PDFDocument.create();
  document.setTitle(`The Rutabaga Rap: ${issue.title}`);
  document.setAuthor(defaultSiteSettings.coopName);
  document.setSubject("Demo issue of the co-op's printed newsletter");
  const page = document.addPage([612, 792]);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const green = rgb(0.13, 0.35, 0.17);
  const day = new Date(`${issuedOn}T12:00:00Z`).toLocaleDateString("en-US", { timeZone: "UTC", dateStyle: "long" });
  page.drawRectangle({ x: 0, y: 672, width: 612, height: 120, color: green });
  page.drawText("The Rutabaga Rap", { x: 54, y: 722, size: 40, font: bold, color: rgb(1, 1, 1) });
  page.drawText(`The newsletter of ${defaultSiteSettings.coopName}  |  ${day}`, { x: 54, y: 690, size: 13, font: regular, color: rgb(1, 1, 1) });
  page.drawText(issue.title, { x: 54, y: 610, size: 26, font: bold, color: green });
  page.drawText("In this issue", { x: 54, y: 560, size: 16, font: bold });
  issue.contents.forEach((line, index) => page.drawText(`-  ${line}`, { x: 64, y: 532 - index * 24, size: 13, font: regular }));
  page.drawText("A demo issue, generated for the portal's demo mode.", { x: 54, y: 60, size: 10, font: regular, color: rgb(0.35, 0.35, 0.35) });
  return document.save();
}

export type PreparedDemoIssue = { slug: string; title: string; issuedOn: string; summary: string; pending: PendingUpload };

/**
 * Demo mode, before the seed's transaction (pdf-lib writes asynchronously, a transaction
 * cannot wait): renders the demo issues' PDFs and writes each under a temporary name in
 * DATA_DIR/uploads, if no issue exists yet. The caller keeps or discards them after the
 * transaction, like any upload.
 */
export async function prepareDemoNewsletterIssues(executor: Executor): Promise<PreparedDemoIssue[]> {
  if (countNewsletterIssues(executor) > 0) return [];
  const prepared: PreparedDemoIssue[] = [];
  try {
    for (const issue of demoIssues) {
      const issuedOn = issueDay(issue.monthsAgo);
      const pdf = await renderDemoIssuePdf(issue, issuedOn);
      const pending = await writePendingUpload(new Blob([pdf as Uint8Array<ArrayBuffer>], { type: "application/pdf" }), ISSUE_PDF_MAX_BYTES);
      prepared.push({ slug: issueSlug(issuedOn, issue.title), title: issue.title, issuedOn, summary: issue.summary, pending });
    }
  } catch (error) {
    for (const issue of prepared) issue.pending.discard();
    throw error;
  }
  return prepared;
}

/**
 * Demo mode only, on a database without any issue yet: stores the prepared issues' rows.
 * Returns how many it added (0 when an issue appeared meanwhile: the caller then
 * discards the files).
 */
export function seedDemoNewsletterIssues(executor: Executor, prepared: PreparedDemoIssue[], staffUserId: string) {
  if (prepared.length === 0 || countNewsletterIssues(executor) > 0) return 0;
  for (const { pending, ...issue } of prepared) {
    insertNewsletterIssue(executor, issue, { id: pending.id, originalName: issueDownloadName(issue.issuedOn), contentType: "application/pdf", sizeBytes: pending.sizeBytes }, staffUserId);
  }
  return prepared.length;
}
