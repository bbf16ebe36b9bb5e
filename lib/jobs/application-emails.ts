import "server-only";
import { renderEmail } from "@/lib/email/templates";

type Site = { coopName: string; siteUrl: string };

const link = (site: Site, path: string) => new URL(path, site.siteUrl).toString();

/** To the applicant, as their application is stored. */
export function jobApplicationReceivedEmail(site: Site, application: { name: string; jobTitle: string; jobSlug: string }) {
  return {
    subject: `We have your application for ${application.jobTitle}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `Thank you for applying, ${application.name}`,
      paragraphs: [
        `We have your application for the position “${application.jobTitle}”, with your résumé.`,
        "The hiring staff read every application. If yours fits what the position needs, we will contact you by email or phone to arrange an interview; either way, we write to you when the position is filled.",
      ],
      action: { label: "See the posting", url: link(site, `/jobs/${application.jobSlug}`) },
      footnote: "If you did not apply, reply to this email and we will delete the application.",
    }),
  };
}

/** To the staff notification address: a new applicant for a posting. No personal details: staff read them signed in. */
export function jobApplicationForStaffEmail(site: Site, job: { id: number; title: string }) {
  return {
    subject: `New applicant for ${job.title}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: "A new job application came in",
      paragraphs: [`Someone applied for “${job.title}” through the website. Open the posting's applicants in the staff area to read the application and the résumé.`],
      action: { label: "See the applicants", url: link(site, `/staff/jobs/${job.id}`) },
    }),
  };
}
