"use server";

import { redirect } from "next/navigation";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { erasePerson, lookUpPerson, refusalMessage } from "@/lib/erasure/erase-person";
import { personErasureSchema, personLookupSchema } from "@/lib/validations/erasure";
import { defineAction } from "./safe-action";

/**
 * Admins: what the portal holds for an address, as counts per kind (no contents), and
 * why it cannot be erased, if it cannot. Answers only what this request asked about. The
 * look-up is audited as a view of personal data, without the address: the log must not
 * keep an address that may be erased a moment later.
 */
export const lookUpPersonAction = defineAction({
  access: "admin",
  schema: personLookupSchema,
  run: ({ email }, actor) => {
    recordAudit(db, actor, { action: "person.view", subjectType: "person", subjectId: "lookup" });
    const { holdings, refusal } = lookUpPerson(db, email);
    return { email, holdings, refusal: refusal && refusalMessage(refusal), lookedUpAt: Date.now() };
  },
});

/**
 * Admins: erases everything the portal holds for an address (see erasePerson), then
 * shows the erasure page again with nothing of the address in its URL; the counts are in
 * the audit log. A primary owner or a staff account is refused and nothing is deleted.
 */
export const erasePersonAction = defineAction({
  access: "admin",
  schema: personErasureSchema,
  run: ({ email }, actor) => {
    erasePerson(db, actor, email);
    redirect("/staff/people/erase?erased=1");
  },
});
