"use server";

import { revalidatePath } from "next/cache";
import { clearBounceByStaff } from "@/lib/newsletter/bounces";
import { clearBounceSchema } from "@/lib/validations/newsletter-bounces";
import { defineAction } from "./safe-action";

/** Staff: mail may go to a bounced address again (the person says their mailbox works); audited. */
export const clearBounceAction = defineAction({
  access: "staff",
  schema: clearBounceSchema,
  successMessage: "Cleared: newsletter mail goes to this address again.",
  run: ({ subscriberId }, staff) => {
    const result = clearBounceByStaff(staff, subscriberId);
    revalidatePath("/staff/newsletter/subscribers");
    return result;
  },
});
