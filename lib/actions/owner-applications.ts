"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { clientIp } from "@/lib/auth/client-ip";
import { approveApplication, declineApplication } from "@/lib/owners/decide-application";
import { submitOwnerApplication } from "@/lib/owners/submit-application";
import { withdrawOwnApplication } from "@/lib/owners/withdraw-application";
import { approveApplicationSchema, declineApplicationSchema, ownerApplicationFormSchema, withdrawApplicationSchema } from "@/lib/validations/owners";
import { defineAction } from "./safe-action";

/**
 * Anyone: submits the owner application. The plans offered are read when the form is
 * parsed, so a plan an admin removed meanwhile is a field error, not a stored application.
 */
export const submitOwnerApplicationAction = defineAction({
  access: "public",
  schema: z.lazy(() => ownerApplicationFormSchema(getEquityPlans().map((plan) => plan.id))),
  run: async (application) => {
    submitOwnerApplication(application, clientIp(await headers()));
    redirect("/owners/apply/thanks");
  },
});

/** Staff: approves a pending application; answers with the owner number given. */
export const approveOwnerApplicationAction = defineAction({
  access: "staff",
  schema: approveApplicationSchema,
  run: ({ applicationId, joinedOn, firstPayment, method }, actor) => {
    const approved = approveApplication(actor, {
      applicationId,
      joinedOn,
      firstPayment: firstPayment && method ? { amountCents: firstPayment, method } : undefined,
    });
    return approved;
  },
});

/** Staff: declines a pending application with a reason the applicant will read. */
export const declineOwnerApplicationAction = defineAction({
  access: "staff",
  schema: declineApplicationSchema,
  successMessage: "Declined. The applicant has been emailed the reason.",
  run: (input, actor) => {
    declineApplication(actor, input);
    return null;
  },
});

/**
 * Signed in: withdraws the person's own application waiting for review, found by their
 * address (the form carries no id, so nobody can name someone else's). It is deleted at
 * once; /account then says so.
 */
export const withdrawOwnerApplicationAction = defineAction({
  access: "member",
  schema: withdrawApplicationSchema,
  run: (_input, actor) => {
    withdrawOwnApplication(actor);
    redirect("/account?application=withdrawn");
  },
});
