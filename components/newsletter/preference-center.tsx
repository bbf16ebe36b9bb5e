"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { leaveAllByPreferencesAction, savePreferencesAction } from "@/lib/actions/newsletter";
import { LeaveAllForm } from "./leave-all-form";
import { ListCheckboxes, type ListOption } from "./list-checkboxes";

type Props = {
  token: string;
  lists: ListOption[];
  subscribed: boolean;
  save: typeof savePreferencesAction;
  leaveAll: typeof leaveAllByPreferencesAction;
};

/**
 * The forms of /newsletter/preferences: the lists as checkboxes with a save button, and
 * "Leave all". Plain forms: without JavaScript the server answers the POST with this page
 * again, its boxes as they now stand and the result above them.
 */
export function PreferenceCenter({ token, lists, subscribed, save, leaveAll }: Props) {
  const [saved, saveAction] = useActionState(save, null);
  const [left, leaveAction] = useActionState(leaveAll, null);
  // A saved choice comes back as new props: remounting shows the boxes as they now stand.
  const key = lists.map((list) => `${list.id}:${list.ticked}`).join(",");
  return (
    <>
      <form key={key} action={saveAction} className="mt-6 max-w-prose space-y-4">
        {saved && !saved.ok && !saved.fieldErrors?.lists && <FormMessage result={saved} />}
        {saved?.ok && (
          <p role="status" className="font-semibold text-leaf-900">
            {saved.data.subscribed ? "Your lists are saved." : "You are on no list now: no more newsletter emails will be sent to you."}
          </p>
        )}
        {left?.ok && (
          <p role="status" className="font-semibold text-leaf-900">
            You have left every list: no more newsletter emails will be sent to you.
          </p>
        )}
        <input type="hidden" name="token" value={token} />
        <ListCheckboxes legend="Lists" lists={lists} errors={saved && !saved.ok ? saved.fieldErrors?.lists : undefined} />
        <SubmitButton pendingLabel="Saving…">{subscribed ? "Save my lists" : "Subscribe to the lists ticked"}</SubmitButton>
      </form>
      {subscribed && <LeaveAllForm action={leaveAction} token={token} refusal={left && !left.ok ? left.message : undefined} />}
    </>
  );
}
