import { PDFDocument, StandardFonts } from "pdf-lib";
import { formatCents, formatDateTime, storeDay } from "@/lib/model/format";
import { equitySchedule, type EquityPlan } from "@/lib/model/equity";
import { FormLayout } from "@/lib/pdf/form-layout";
import { flowerProgramLabels } from "./labels";

/** An application as the paper form prints it: the stored row with its household. */
export type OwnerApplicationForPdf = {
  id: number;
  email: string;
  name: string;
  phone: string;
  streetAddress: string;
  locality: string;
  region: string;
  postalCode: string;
  equityPlan: EquityPlan | null;
  planId: string;
  flowerPrograms: string[];
  signature: string;
  signedOn: string;
  note: string | null;
  status: "submitted" | "approved" | "declined";
  declineReason: string | null;
  submittedAt: Date;
  household: { name: string; email: string | null }[];
};

export type StoreForPdf = { coopName: string; address: string; phone: string };

const statusLabels: Record<OwnerApplicationForPdf["status"], string> = {
  submitted: "Submitted, awaiting a decision",
  approved: "Approved",
  declined: "Declined",
};

/** The application as a paper membership form (US Letter), for the binder at the store and the applicant's records. */
export async function renderOwnerApplicationPdf(application: OwnerApplicationForPdf, store: StoreForPdf): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  // The title shows in viewers' window bars and file lists: the number, never the person's name.
  doc.setTitle(`Owner application ${application.id}`);
  const form = new FormLayout(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  const { left, width } = form;
  const half = width / 2;
  const submittedDay = storeDay(application.submittedAt);

  form.row([{ text: store.coopName, x: left, width, bold: true, size: 16 }]);
  form.row([{ text: `${store.address} · ${store.phone}`, x: left, width, size: 9 }]);
  form.gap(6);
  form.row([
    { text: "Owner application", x: left, width: half, bold: true, size: 13 },
    { text: `No. ${application.id}`, x: left + half, width: half, bold: true, size: 13, alignRight: true },
  ]);
  form.row([{ text: `Submitted ${formatDateTime(application.submittedAt)}`, x: left, width }]);
  form.gap(8);

  form.section("Applicant", () => {
    form.field("Name", application.name);
    form.field("Email", application.email);
    form.field("Phone", application.phone);
    form.field("Mailing address", `${application.streetAddress}\n${application.locality}, ${application.region} ${application.postalCode}`);
  });
  form.section("Household members", () => {
    if (application.household.length === 0) {
      form.line("None");
      return;
    }
    form.columns(["Name", "Email"], { bold: true });
    for (const member of application.household) form.columns([member.name, member.email ?? ""]);
  });
  form.section("Equity", () => {
    const plan = application.equityPlan;
    if (!plan) {
      form.field("Plan", `${application.planId} (terms not recorded)`);
      return;
    }
    form.field("Plan", plan.name);
    form.line(`Payments if approved on ${submittedDay}:`);
    for (const due of equitySchedule(plan, submittedDay)) form.field(due.dueOn, formatCents(due.amountCents));
    form.field("Total", formatCents(plan.totalCents));
  });
  form.section("FLOWER discount", () => {
    const labels = flowerProgramLabels(application.flowerPrograms);
    form.field("Programs declared", labels.length > 0 ? labels.join("\n") : "Not requested");
    form.line("Verified at the store by ____________________ on ____________");
  });
  form.section("Agreement", () => {
    // The form refuses an application without both ticks, so every stored one agreed to both.
    form.line("Agrees to the co-op's bylaws", { ticked: true });
    form.line("Consents to the co-op keeping these details to manage the ownership", { ticked: true });
    form.field("Signature (typed)", application.signature);
    form.field("Signed on", application.signedOn);
    if (application.note) form.field("Note", application.note);
  });
  form.section("Status", () => {
    form.line(statusLabels[application.status]);
    if (application.status === "declined" && application.declineReason) form.field("Reason", application.declineReason);
  });
  form.footer(`Owner application ${application.id}`, "For staff use: owner number __________ entered by ____________________");

  return doc.save();
}
