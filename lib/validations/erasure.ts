import "./zod-config";
import { z } from "zod";
import { checkbox, emailAddress } from "./fields";

/** An admin looks up what the portal holds for an address (posted, never in a URL). */
export const personLookupSchema = z.object({ email: emailAddress });

/** An admin erases it, ticking that they mean it. */
export const personErasureSchema = z.object({
  email: emailAddress,
  confirmErasure: checkbox.refine((ticked) => ticked, { error: "Tick this box to confirm that everything listed for this address is to be deleted." }),
});
