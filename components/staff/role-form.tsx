"use client";

import { useActionState, useId } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import type { changeRoleAction } from "@/lib/actions/users";
import { roleLabels, type Role } from "@/lib/model/users";

/** One person's role, changed in place; the answer is announced beside the control. */
export function RoleForm({ action, userId, email, role }: { action: typeof changeRoleAction; userId: string; email: string; role: Role }) {
  const [result, formAction] = useActionState(action, null);
  const id = useId();
  const current = result?.ok ? result.data.role : role;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role for {email}
      </label>
      <select id={id} name="role" defaultValue={current} className="rounded-md border border-gray-400 bg-white px-2 py-1.5">
        {(Object.keys(roleLabels) as Role[]).map((value) => (
          <option key={value} value={value}>
            {roleLabels[value]}
          </option>
        ))}
      </select>
      <SubmitButton variant="secondary" pendingLabel="Saving…">
        Change
      </SubmitButton>
      {result && (
        <span role={result.ok ? "status" : "alert"} className={result.ok ? "text-leaf-800" : "font-semibold text-red-800"}>
          {result.ok ? `Now ${roleLabels[result.data.role].toLowerCase()}.` : result.message}
        </span>
      )}
    </form>
  );
}
