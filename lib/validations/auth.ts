import "./zod-config";
import { z } from "zod";

export const signInRequestSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { error: "Enter your email address." })
    .max(254, { error: "That address is too long." })
    .pipe(z.email({ error: "Enter an email address like name@example.com." })),
  callbackUrl: z.string().max(500).optional(),
});
