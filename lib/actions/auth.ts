"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/db";
import { deleteSessionByToken } from "@/db/queries/auth";
import { deleteSessionsOfUser } from "@/db/queries/users";
import { recordAudit } from "@/db/queries/audit";
import { clientIp } from "@/lib/auth/client-ip";
import { sessionCookieName } from "@/lib/auth/options";
import { rateLimitedMessage, requestSignInLink } from "@/lib/auth/sign-in-links";
import { AppError } from "@/lib/model/errors";
import { signInRequestSchema } from "@/lib/validations/auth";
import { z } from "zod";
import { defineAction } from "./safe-action";

export const requestSignInLinkAction = defineAction({
  access: "public",
  schema: signInRequestSchema,
  run: async (input) => {
    const result = requestSignInLink({
      email: input.email,
      ip: clientIp(await headers()),
      callbackPath: input.callbackUrl,
    });
    if (!result.ok) {
      throw new AppError("rate_limited", rateLimitedMessage(result));
    }
    redirect("/login/check-email");
  },
});

/** Ends this browser's session: its row is deleted, so the cookie is worthless even if copied. */
export const signOutAction = defineAction({
  access: "member",
  schema: z.object({}),
  run: async () => {
    const jar = await cookies();
    const token = jar.get(sessionCookieName)?.value;
    if (token) deleteSessionByToken(token);
    jar.delete(sessionCookieName);
    redirect("/login?signedOut=1");
  },
});

/** Ends every session of the signed-in person, on all devices. */
export const signOutEverywhereAction = defineAction({
  access: "member",
  schema: z.object({}),
  run: async (_input, actor) => {
    db.transaction(
      (tx) => {
        const ended = deleteSessionsOfUser(tx, actor.id);
        recordAudit(tx, actor, { action: "user.sign_out_everywhere", subjectType: "user", subjectId: actor.id, detail: { sessions: ended } });
      },
      { behavior: "immediate" },
    );
    (await cookies()).delete(sessionCookieName);
    redirect("/login?signedOut=1");
  },
});
