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

/**
 * The double opt-in email to an address staff imported from the co-op's earlier mailing
 * list: nothing is sent to it unless its owner confirms here, as after a signup.
 */
export function importConfirmationEmail(site: { coopName: string; siteUrl: string }, token: string) {
  return {
    subject: `Would you like to keep getting the ${site.coopName} newsletter?`,
    ...renderEmail({
      coopName: site.coopName,
      heading: "Keep getting our newsletter?",
      paragraphs: [
        `This address was on the ${site.coopName}’s earlier mailing list, and our staff brought it over to our new newsletter.`,
        "We will send you nothing unless you confirm. Open the link below to see the lists it would get, and press “Confirm my subscription” if you want them.",
        `The link works for ${CONFIRM_LINK_DAYS} days.`,
      ],
      action: { label: "Confirm my subscription", url: confirmUrl(site.siteUrl, token) },
      footnote: `If you do nothing, you will not be subscribed and the address is forgotten after ${CONFIRM_LINK_DAYS} days.`,
    }),
  };
}
