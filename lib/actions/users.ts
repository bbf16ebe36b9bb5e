"use server";

import { z } from "zod";
import { db } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { setUserRole } from "@/db/queries/users";
import { roles } from "@/lib/model/users";
import { defineAction } from "./safe-action";

/** Admins: changes someone's role. The last admin cannot be removed, not even by themselves. */
export const changeRoleAction = defineAction({
  access: "admin",
  schema: z.object({ userId: z.string().min(1).max(100), role: z.enum(roles, { error: "Choose member, staff or admin." }) }),
  run: ({ userId, role }, actor) => {
    const change = db.transaction(
      (tx) => {
        const result = setUserRole(tx, userId, role);
        if (result.previousRole !== role) {
          recordAudit(tx, actor, {
            action: "user.role_change",
            subjectType: "user",
            subjectId: userId,
            detail: { email: result.email, from: result.previousRole, to: role },
          });
        }
        return result;
      },
      { behavior: "immediate" },
    );
    return { userId, role, email: change.email };
  },
});
