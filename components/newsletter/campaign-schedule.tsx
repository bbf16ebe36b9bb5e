"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { cancelCampaignScheduleAction, scheduleCampaignAction } from "@/lib/actions/newsletter-campaigns";

/**
 * A draft's schedule: a time on the store's clock at which the server starts the send by
 * itself, or, once set, the time and a button that takes it away. Works without JavaScript.
 */
export function CampaignSchedule({
  id,
  sendAt,
  sendAtLabel,
  schedule,
  cancel,
}: {
  id: number;
  /** The scheduled time as a `datetime-local` value (store time), or null. */
  sendAt: string | null;
  /** The same time in words. */
  sendAtLabel: string | null;
  schedule: typeof scheduleCampaignAction;
  cancel: typeof cancelCampaignScheduleAction;
}) {
  const [scheduled, scheduleFormAction] = useActionState(schedule, null);
  const [cancelled, cancelFormAction] = useActionState(cancel, null);
  const failed = scheduled && !scheduled.ok ? scheduled : undefined;
  const key = useFormKey(scheduled);
  return (
    <section aria-labelledby="schedule-heading" className="mt-6 max-w-3xl rounded-lg border border-leaf-100 bg-white p-5">
      <h2 id="schedule-heading" className="text-xl font-bold text-leaf-900">
        Send later
      </h2>
      {sendAt && (
        <div className="mt-3 space-y-3">
          <p>
            Scheduled: it starts going out by itself at <strong>{sendAtLabel}</strong> (the store’s clock), to whoever its lists reach then. Until then it stays a draft you can edit.
          </p>
          <FormMessage result={cancelled?.ok ? null : cancelled} />
          <form action={cancelFormAction}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton variant="secondary" pendingLabel="Cancelling…">
              Cancel the schedule
            </SubmitButton>
          </form>
        </div>
      )}
      <form key={key} action={scheduleFormAction} className="mt-3 space-y-3">
        <FormMessage result={scheduled?.ok ? null : scheduled} />
        <input type="hidden" name="id" value={id} />
        <Field
          label={sendAt ? "Move it to" : "Send at"}
          name="sendAt"
          type="datetime-local"
          required
          hint="The store’s clock. The saved version goes out then."
          defaultValue={failed?.values?.sendAt ?? sendAt ?? ""}
          errors={failed?.fieldErrors?.sendAt}
        />
        <SubmitButton variant="secondary" pendingLabel="Scheduling…">
          {sendAt ? "Move the schedule" : "Schedule it"}
        </SubmitButton>
      </form>
    </section>
  );
}
