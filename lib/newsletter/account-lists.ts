import "server-only";
import { db } from "@/db";
import { recordAudit, type AuditActor } from "@/db/queries/audit";
import { listJoinableNewsletterLists, listMembershipsOfSubscriber, setSubscriberLists } from "@/db/queries/newsletter-lists";
import { getSubscriberByEmail, insertConfirmedSubscriber, markSubscriberConfirmed } from "@/db/queries/newsletter-subscribers";
import type { NewsletterList } from "@/db/schema";
import type { SubscriberStatus } from "@/lib/model/newsletter";
import { consentAddress, subscriberSubject } from "./subscriptions";
import { hashNewsletterToken, newNewsletterToken } from "./tokens";
import { unsubscribeInTransaction } from "./unsubscribe";

export type AccountListChoice = { id: number; name: string; description: string; ownersOnly: boolean; ticked: boolean };

/** Lists as a person's checkboxes (on /account and the preference page), ticked as `ticked` says. */
export function listChoices(lists: NewsletterList[], ticked: (list: NewsletterList) => boolean): AccountListChoice[] {
  return lists.map((list) => ({ id: list.id, name: list.name, description: list.description, ownersOnly: list.audience === "owners", ticked: ticked(list) }));
}

/**
 * What /account shows a signed-in person: their address's state and the lists they may
 * choose (owners-only ones when they have an ownership), ticked as they stand; someone
 * not subscribed sees the default lists ticked.
 */
export function getAccountLists(email: string, { hasOwnership }: { hasOwnership: boolean }) {
  const subscriber = getSubscriberByEmail(db, email.toLowerCase());
  const confirmed = subscriber?.status === "confirmed";
  const on = new Set(subscriber && confirmed ? listMembershipsOfSubscriber(db, subscriber.id).filter((row) => row.status === "subscribed").map((row) => row.listId) : []);
  const lists = listChoices(listJoinableNewsletterLists(db, { hasOwnership }), (list) => (confirmed ? on.has(list.id) : list.joinByDefault));
  const status: SubscriberStatus | null = subscriber?.status ?? null;
  return { status, confirmedAt: subscriber?.confirmedAt ?? null, lists };
}

/**
 * /account, signed in: saves the person's choice of lists at once, with consent now from
 * their client address and source `account`. Signing in by an emailed link already proved
 * they receive mail at the address, which is what the confirmation email proves, so an
 * address not yet subscribed is confirmed here. Ticking nothing leaves every list, as
 * "Leave all" does. Lists they may not choose here are ignored.
 */
export function saveAccountLists(user: AuditActor & { name: string | null }, ip: string, wanted: number[], { hasOwnership }: { hasOwnership: boolean }) {
  const now = new Date();
  const email = user.email.toLowerCase();
  const address = consentAddress(ip);
  return db.transaction(
    (tx) => {
      const offered = listJoinableNewsletterLists(tx, { hasOwnership }).map((list) => list.id);
      const chosen = wanted.filter((id) => offered.includes(id));
      const existing = getSubscriberByEmail(tx, email);
      if (chosen.length === 0) {
        if (existing) unsubscribeInTransaction(tx, existing, user, "account");
        return { subscribed: false };
      }
      let id: number;
      if (!existing) {
        const firstName = user.name?.trim().split(/\s+/)[0] || null;
        id = insertConfirmedSubscriber(tx, { email, firstName, at: now, ip: address, unsubscribeTokenHash: hashNewsletterToken(newNewsletterToken()) });
      } else {
        id = existing.id;
        if (existing.status !== "confirmed") markSubscriberConfirmed(tx, id, { at: now, ip: address, unsubscribeTokenHash: hashNewsletterToken(newNewsletterToken()) });
      }
      const { joined, left } = setSubscriberLists(tx, id, offered, chosen, { at: now, ip: address, source: "account" });
      if (existing?.status !== "confirmed") recordAudit(tx, user, { action: "newsletter_subscriber.confirm", ...subscriberSubject(id), detail: { via: "account" } });
      if (joined.length > 0 || left.length > 0) recordAudit(tx, user, { action: "newsletter_subscriber.lists", ...subscriberSubject(id), detail: { via: "account", joined, left } });
      return { subscribed: true };
    },
    { behavior: "immediate" },
  );
}
