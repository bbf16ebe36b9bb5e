import "server-only";
import { renderEmail } from "@/lib/email/templates";

/** A short message staff write to an applicant when moving them along (an interview time, a decision). */
export function applicantMessageEmail(site: { coopName: string }, applicant: { name: string; jobTitle: string; message: string }) {
  return {
    subject: `Your application for ${applicant.jobTitle}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `About your application for ${applicant.jobTitle}`,
      paragraphs: [`Hello ${applicant.name},`, ...applicant.message.split(/\n{2,}/).map((paragraph) => paragraph.trim()).filter(Boolean)],
      footnote: "You can reply to this email to reach the co-op's hiring staff.",
    }),
  };
}
