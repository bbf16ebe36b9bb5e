"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { submitJobApplication } from "@/lib/jobs/submit-application";
import { jobApplicationFormSchema } from "@/lib/validations/job-applications";
import { defineAction } from "./safe-action";

/**
 * Anyone: applies for an open posting, with a résumé file (`resume`, checked by its
 * content) or pasted text. The file reaches the schema because the form posts it under
 * the name the schema reads (defineAction parses every field of the form).
 */
export const submitJobApplicationAction = defineAction({
  access: "public",
  schema: jobApplicationFormSchema,
  run: async (application) => {
    const { slug } = await submitJobApplication(application, clientIp(await headers()));
    redirect(`/jobs/${slug}/apply/thanks`);
  },
});
