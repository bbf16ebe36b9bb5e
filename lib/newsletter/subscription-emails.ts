import { renderEmail } from "@/lib/email/templates";
import { confirmUrl } from "./tokens";
import { CONFIRM_LINK_DAYS } from "@/lib/model/newsletter";

/** The double opt-in email: its link opens a page whose button confirms. */
export function confirmationEmail(site: { coopName: string; siteUrl: string }, token: string) {
  return {
    subject: `Confirm your subscription to the ${site.coopName} newsletter`,
    ...renderEmail({
      coopName: site.coopName,
      heading: "Confirm your subscription",
      paragraphs: [
        `Someone, hopefully you, asked to receive the ${site.coopName} email newsletter at this address.`,
        `Open the link below and press “Confirm my subscription” to start receiving it. The link works for ${CONFIRM_LINK_DAYS} days.`,
      ],
      action: { label: "Confirm my subscription", url: confirmUrl(site.siteUrl, token) },
      footnote: `If you did not ask for this, ignore this email: you will not be subscribed, and the address is forgotten after ${CONFIRM_LINK_DAYS} days.`,
    }),
  };
}
