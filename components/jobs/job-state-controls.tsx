"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { deleteDraftJobAction, setJobStatusAction } from "@/lib/actions/jobs";
import { jobStatusLabels, type JobStatus } from "@/lib/model/jobs";

/** Publish, close or reopen a posting; delete it while it is a draft that was never public. */
export function JobStateControls({
  id,
  status,
  deletable,
  setStatus,
  deleteDraft,
}: {
  id: number;
  status: JobStatus;
  deletable: boolean;
  setStatus: typeof setJobStatusAction;
  deleteDraft: typeof deleteDraftJobAction;
}) {
  const [changed, changeAction] = useActionState(setStatus, null);
  const [deleted, deleteAction] = useActionState(deleteDraft, null);
  const current = changed?.ok ? changed.data.status : status;
  const next = current === "published" ? { status: "closed", label: "Close the posting" } : { status: "published", label: current === "closed" ? "Reopen the posting" : "Publish the posting" };
  return (
    <div className="mt-4 space-y-3">
      <p>
        State: <strong>{jobStatusLabels[current]}</strong>
      </p>
      <FormMessage result={changed?.ok ? { ok: true, message: `Now ${jobStatusLabels[current].toLowerCase()}. The public pages show it at the next request.` } : changed} />
      <FormMessage result={deleted} />
      <div className="flex flex-wrap gap-3">
        <form action={changeAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value={next.status} />
          <SubmitButton variant="secondary" pendingLabel="Changing…">
            {next.label}
          </SubmitButton>
        </form>
        {deletable && current === "draft" && (
          <form action={deleteAction}>
            <input type="hidden" name="id" value={id} />
            <SubmitButton variant="danger" pendingLabel="Deleting…">
              Delete the draft
            </SubmitButton>
          </form>
        )}
      </div>
    </div>
  );
}
