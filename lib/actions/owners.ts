"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { clientIp } from "@/lib/auth/client-ip";
import { submitOwnerApplication } from "@/lib/owners/submit-application";
import { ownerApplicationFormSchema } from "@/lib/validations/owners";
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
