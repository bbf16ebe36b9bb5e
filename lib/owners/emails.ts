import "server-only";
import { renderEmail } from "@/lib/email/templates";
import { formatCents, formatDay, storeDay } from "@/lib/model/format";
import { equitySchedule, type EquityPlan } from "@/lib/model/equity";

type Site = { coopName: string; siteUrl: string };

const link = (site: Site, path: string) => new URL(path, site.siteUrl).toString();
const followLink = (site: Site) => link(site, "/login?callbackUrl=%2Faccount");

/** To the applicant, as their application is stored. */
export function applicationReceivedEmail(site: Site, applicant: { name: string; planName: string }) {
  return {
    subject: `We have your owner application, ${applicant.name}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: "Thank you for applying to become an owner",
      paragraphs: [
        `We have your application, with the equity plan “${applicant.planName}”. A staff member reviews it, usually within a few days, and we email you as soon as it is decided.`,
        "Once you are approved you get your owner number. Your first equity payment is taken at the register the next time you shop, and the owner discounts start then.",
        "You can follow your application at any time: sign in with this email address and open your account.",
      ],
      action: { label: "Follow your application", url: followLink(site) },
      footnote: "If you did not apply, write to us by replying to this email and we will remove the application.",
    }),
  };
}

/** To the staff notification address: a new application waits in the queue (no personal details in the mail). */
export function applicationForStaffEmail(site: Site, applicationId: number) {
  return {
    subject: `New owner application no. ${applicationId}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: "A new owner application is waiting for review",
      paragraphs: [`Application no. ${applicationId} came in through the website. Open it in the staff area to approve or decline it.`],
      action: { label: "Review the application", url: link(site, `/staff/owners/applications/${applicationId}`) },
    }),
  };
}

/** To the applicant, once approved: their owner number and what they owe when. */
export function applicationApprovedEmail(
  site: Site,
  owner: { name: string; ownerNumber: number; plan: EquityPlan | null; joinedOn: string; paidCents: number },
) {
  const schedule = owner.plan ? equitySchedule(owner.plan, owner.joinedOn) : [];
  return {
    subject: `Welcome, owner no. ${owner.ownerNumber}`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `Welcome to the co-op, ${owner.name}`,
      paragraphs: [
        `Your application is approved. Your owner number is ${owner.ownerNumber}: give it at the register to get owner prices and discounts.`,
        ...(owner.paidCents > 0 ? [`We have recorded ${formatCents(owner.paidCents)} of equity paid so far.`] : []),
        ...(schedule.length > 0
          ? [`Your equity schedule: ${schedule.map((due) => `${formatCents(due.amountCents)} on ${formatDay(due.dueOn)}`).join("; ")}.`]
          : []),
        "Sign in at any time to see your ownership, your equity and your household.",
      ],
      action: { label: "See your ownership", url: followLink(site) },
    }),
  };
}

/** To the applicant, when staff decline: the reason staff wrote, and how to reach us. */
export function applicationDeclinedEmail(site: Site, applicant: { name: string; reason: string }) {
  return {
    subject: "About your owner application",
    ...renderEmail({
      coopName: site.coopName,
      heading: `About your application, ${applicant.name}`,
      paragraphs: [
        "We are sorry: we could not approve your application to become an owner.",
        `The reason staff gave: ${applicant.reason}`,
        "If something can be put right, reply to this email or ask at the store, and you are welcome to apply again.",
      ],
      action: { label: "See your application", url: followLink(site) },
    }),
  };
}

/**
 * To an address that applied while it already has an ownership. The form answered as it
 * does for everyone, so this email is where the person learns it.
 */
export function applicationAddressHasOwnershipEmail(site: Site) {
  return {
    subject: "Your owner application: this address already has an ownership",
    ...renderEmail({
      coopName: site.coopName,
      heading: "This address already has an ownership",
      paragraphs: [
        "Someone, probably you, just sent an owner application with this email address. The address already belongs to an ownership at the co-op, so we did not store a second one.",
        "Sign in with this address to see the owner number, the equity paid and the household.",
      ],
      action: { label: "Sign in to see your ownership", url: followLink(site) },
      footnote: "If you did not send the application, you can ignore this email: nothing has changed.",
    }),
  };
}

/** To an address that applied again while its first application still waits for review. */
export function applicationAlreadyWaitingEmail(site: Site) {
  return {
    subject: "Your owner application is already waiting for review",
    ...renderEmail({
      coopName: site.coopName,
      heading: "Your application is already with us",
      paragraphs: [
        "Someone, probably you, just sent an owner application with this email address, but an earlier application from this address is still waiting for review. We kept the earlier one and did not store the new one.",
        "Sign in with this address to follow the application that is waiting.",
      ],
      action: { label: "Follow your application", url: followLink(site) },
      footnote: "If you did not send the application, you can ignore this email: nothing has changed.",
    }),
  };
}

/**
 * To someone a primary owner added to their household. Nothing is shared with them, and
 * they are not linked, until they accept while signed in with this address.
 */
export function householdInvitationEmail(site: Site, invitation: { inviteeName: string; invitedBy: string; url: string; expiresAt: Date }) {
  return {
    subject: `${invitation.invitedBy} invited you to their co-op household`,
    ...renderEmail({
      coopName: site.coopName,
      heading: `Join ${invitation.invitedBy}’s household at the co-op?`,
      paragraphs: [
        `${invitation.invitedBy} owns a share of the co-op and added you, as ${invitation.inviteeName}, to their household. If you accept, you can sign in to see the ownership: its owner number, the equity paid and the household.`,
        `Nothing is shared and nothing changes unless you accept. The invitation is open until ${formatDay(storeDay(invitation.expiresAt))}.`,
      ],
      action: { label: "Accept or decline", url: invitation.url },
      footnote: "Don’t know this person, or don’t want to join? Open the link and decline, or ignore this email: the invitation lapses on its own.",
    }),
  };
}

/** To the person who withdrew their application: it is gone. Nothing from the application is repeated here. */
export function applicationWithdrawnEmail(site: Site) {
  return {
    subject: "Your owner application is withdrawn",
    ...renderEmail({
      coopName: site.coopName,
      heading: "Your application is withdrawn",
      paragraphs: [
        "As you asked, we have withdrawn your application to become an owner and deleted it, with everything you wrote in it.",
        "You are welcome to apply again whenever you like.",
      ],
      action: { label: "Learn about becoming an owner", url: link(site, "/owners") },
      footnote: "If you did not withdraw it yourself, reply to this email and tell us.",
    }),
  };
}
