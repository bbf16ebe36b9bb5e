import "./zod-config";
import { z } from "zod";
import { equityPaymentMethods } from "@/lib/model/equity";
import { checkbox, day, dollars, emailAddress, line, optionalText, phoneNumber, rowId } from "./fields";
import { nestFormFields, withoutBlankRows } from "./form-fields";
import { flowerPrograms, HOUSEHOLD_MAX, type FlowerProgram } from "@/lib/model/owners";

const flowerProgramKeys = Object.keys(flowerPrograms) as FlowerProgram[];

const personName = line(120);

export const applicantSchema = z.object({
  name: personName,
  email: emailAddress,
  phone: phoneNumber,
  streetAddress: line(120),
  locality: line(80),
  region: line(40),
  postalCode: line(10).regex(/^\d{5}(-\d{4})?$/, { error: "Use a ZIP code like 14607 or 14607-1234." }),
});

export const householdMemberSchema = z.object({
  name: personName,
  email: z.preprocess((value) => (value === "" ? undefined : value), emailAddress.optional()),
});

/** Household emails each sign in to the ownership: one person per address, and not the applicant's own. */
function distinctEmails(members: { email?: string }[], context: z.RefinementCtx, taken: (string | undefined)[] = []) {
  const seen = new Set(taken.filter(Boolean));
  members.forEach((member, index) => {
    if (!member.email) return;
    if (seen.has(member.email)) context.addIssue({ code: "custom", message: "Each person needs their own email address.", path: ["household", index, "email"] });
    seen.add(member.email);
  });
}

const required = (message: string) => checkbox.refine((ticked) => ticked, { error: message });

const flowerSchema = z
  .object(Object.fromEntries(flowerProgramKeys.map((key) => [key, checkbox])) as Record<FlowerProgram, typeof checkbox>)
  .partial()
  .transform((ticked) => flowerProgramKeys.filter((key) => ticked[key]));

const agreementSchema = z.object({
  bylaws: required("Tick this box to agree to the bylaws."),
  dataUse: required("Tick this box to let us keep these details for your ownership."),
  signature: line(120),
  note: optionalText(1000),
});

/**
 * The online owner application, shared by the form in the browser and the server. Plans
 * are whatever admins configure, so the schema is made for the current plan ids.
 */
export function ownerApplicationSchema(planIds: readonly string[]) {
  return z.object({
    // A missing group still reports each of its fields ("Required."), not the group as a whole.
    applicant: z.preprocess((value) => value ?? {}, applicantSchema),
    household: z.preprocess(
      (value) => withoutBlankRows(value ?? []),
      z.array(householdMemberSchema).max(HOUSEHOLD_MAX, { error: `At most ${HOUSEHOLD_MAX} household members besides you.` }),
    ),
    planId: z.string({ error: "Choose how to pay your equity." }).refine((id) => planIds.includes(id), { error: "Choose one of the plans offered." }),
    flower: z.preprocess((value) => value ?? {}, flowerSchema),
    agreement: z.preprocess((value) => value ?? {}, agreementSchema),
  }).superRefine((application, context) => distinctEmails(application.household, context, [application.applicant.email]));
}

export type OwnerApplicationInput = z.output<ReturnType<typeof ownerApplicationSchema>>;

/**
 * The form as posted: dotted names (`applicant.email`, `household.2.name`,
 * `flower.snap`) nested first. One row past the limit is kept so that the schema, not the
 * nesting, tells the person they named too many.
 */
export function ownerApplicationFormSchema(planIds: readonly string[]) {
  return z.preprocess(
    (value) => nestFormFields(value as Record<string, unknown>, { maxIndex: HOUSEHOLD_MAX }),
    ownerApplicationSchema(planIds),
  );
}

const paymentMethod = z.enum(equityPaymentMethods, { error: "Choose how it was paid." });

/** Staff approve an application: the day equity starts and, if taken at the register, the first payment. */
export const approveApplicationSchema = z
  .object({
    applicationId: rowId,
    joinedOn: day,
    // Blank: nothing was paid at the register yet.
    firstPayment: dollars(0),
    method: z.preprocess((value) => (value === "" ? undefined : value), paymentMethod.optional()),
  })
  .refine((approval) => approval.firstPayment === 0 || approval.method !== undefined, { error: "Choose how it was paid.", path: ["method"] });

/** Staff decline an application; the applicant reads the reason in an email and on their account. */
export const declineApplicationSchema = z.object({ applicationId: rowId, reason: line(1000) });

/** The applicant withdraws their own waiting application: no id (it is theirs by their address), only a tick that they mean it. */
export const withdrawApplicationSchema = z.object({
  confirmWithdrawal: required("Tick this box to confirm that you want to withdraw your application and have it deleted."),
});

/** The primary owner's contact details as they keep them up to date on /account. */
export const ownerContactSchema = applicantSchema.pick({ phone: true, streetAddress: true, locality: true, region: true, postalCode: true });
export type OwnerContact = z.output<typeof ownerContactSchema>;

/** Staff's search of the owners: a name, an email or an owner number. */
export const ownerSearchSchema = z.object({ q: line(100) });

/** An equity payment staff record, in cents. */
export const equityPaymentSchema = z.object({
  ownerId: rowId,
  amount: dollars().refine((cents) => cents > 0, { error: "Give more than $0." }),
  paidOn: day,
  method: paymentMethod,
});

/** FLOWER eligibility checked at the store, valid through a day; an empty day ends it. */
export const flowerVerificationSchema = z.object({
  ownerId: rowId,
  verifiedUntil: z.preprocess((value) => (value === "" ? undefined : value), day.optional()),
});

/** The household as its primary owner edits it on /account: up to HOUSEHOLD_MAX people, emails optional. */
export const householdFormSchema = z.preprocess(
  (value) => nestFormFields(value as Record<string, unknown>, { maxIndex: HOUSEHOLD_MAX }),
  z.object({
    household: z.preprocess(
      (value) => withoutBlankRows(value ?? []),
      z.array(householdMemberSchema).max(HOUSEHOLD_MAX, { error: `At most ${HOUSEHOLD_MAX} household members besides you.` }),
    ),
  }).superRefine((form, context) => distinctEmails(form.household, context)),
);

/** The invitee answers an invitation shown on their /account (the signed-in address proves it was sent to them). */
export const householdInvitationSchema = z.object({ invitationId: rowId });

/** The emailed invitation link's token, for declining without signing in. */
export const invitationTokenSchema = z.object({ token: z.string().max(100) });

/** A household member leaves the ownership, having ticked that they mean it. */
export const leaveHouseholdSchema = z.object({
  confirmLeave: checkbox.refine((ticked) => ticked, { error: "Tick the box to confirm that you want to leave." }),
});

/** Staff remove a member or an open invitation from an ownership. */
export const removeHouseholdMemberSchema = z.object({ ownerId: rowId, memberId: rowId });
