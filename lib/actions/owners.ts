"use server";

import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getOwnershipForUser, ownerExists, recordEquityPayment, setFlowerVerifiedUntil, updateOwnerContact, type OwnerRefusal } from "@/db/queries/owners";
import { listOwners, OWNERS_PAGE_SIZE } from "@/db/queries/owners-directory";
import { AppError, explainRefusals } from "@/lib/model/errors";
import { equityPaymentSchema, flowerVerificationSchema, ownerContactSchema, ownerSearchSchema } from "@/lib/validations/owners";
import { defineAction } from "./safe-action";

/** What the query layer's refusals mean to staff. */
const explained = explainRefusals<OwnerRefusal>({ owner_not_found: "That ownership no longer exists." });

/**
 * Staff: finds owners by name, email or number. A POST, not a `?q=` link, because rule 7
 * keeps personal data out of URLs (history, logs, a sign-in redirect's callbackUrl).
 */
export const findOwnersAction = defineAction({
  access: "staff",
  schema: ownerSearchSchema,
  run: ({ q }, actor) => {
    const found = listOwners({ search: q });
    // What was searched for stays out of the log too; how many people it showed is kept.
    recordAudit(db, actor, { action: "owner.view", subjectType: "owner", subjectId: "search", detail: { rows: found.rows.length } });
    return { query: q, pageSize: OWNERS_PAGE_SIZE, ...found };
  },
});

/** Staff: records equity paid at the register, in cents. */
export const recordEquityPaymentAction = defineAction({
  access: "staff",
  schema: equityPaymentSchema,
  successMessage: "Payment recorded.",
  run: ({ ownerId, amount, paidOn, method }, actor) => {
    db.transaction(
      (tx) => {
        if (!ownerExists(tx, ownerId)) throw new AppError("not_found", "That ownership no longer exists.");
        const paymentId = recordEquityPayment(tx, { ownerId, amountCents: amount, paidOn, method, recordedBy: actor.id });
        recordAudit(tx, actor, { action: "owner.payment", subjectType: "owner", subjectId: String(ownerId), detail: { paymentId, amountCents: amount, paidOn, method } });
      },
      { behavior: "immediate" },
    );
    return null;
  },
});

/** Staff: records that FLOWER eligibility was checked at the store, valid through a day (or ends it). */
export const setFlowerVerificationAction = defineAction({
  access: "staff",
  schema: flowerVerificationSchema,
  run: ({ ownerId, verifiedUntil }, actor) => {
    db.transaction(
      (tx) => {
        try {
          setFlowerVerifiedUntil(tx, ownerId, verifiedUntil ?? null);
        } catch (error) {
          throw explained(error);
        }
        recordAudit(tx, actor, { action: "owner.flower", subjectType: "owner", subjectId: String(ownerId), detail: { verifiedUntil: verifiedUntil ?? null } });
      },
      { behavior: "immediate" },
    );
    return { verifiedUntil: verifiedUntil ?? null };
  },
});

/**
 * The primary owner: keeps the ownership's phone and mailing address up to date (the
 * store's point-of-sale export reads them). Audited with which fields changed, not their values.
 */
export const saveOwnerContactAction = defineAction({
  access: "member",
  schema: ownerContactSchema,
  successMessage: "Contact details saved.",
  run: (contact, actor) => {
    db.transaction(
      (tx) => {
        const ownership = getOwnershipForUser(tx, actor.id);
        if (!ownership) throw new AppError("forbidden", "Only owners have contact details to change here.");
        if (!ownership.isPrimary) throw new AppError("forbidden", "Only the primary owner can change the ownership’s contact details. Ask them to do it.");
        const before = updateOwnerContact(tx, ownership.id, contact);
        const changed = (Object.keys(contact) as (keyof typeof contact)[]).filter((field) => before[field] !== contact[field]);
        recordAudit(tx, actor, { action: "owner.contact", subjectType: "owner", subjectId: String(ownership.id), detail: { changed } });
      },
      { behavior: "immediate" },
    );
    return null;
  },
});
