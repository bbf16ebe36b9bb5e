"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { deleteMonographAction, setMonographStatusAction } from "@/lib/actions/monographs";

type Props = {
  id: number;
  status: "draft" | "published";
  setStatus: typeof setMonographStatusAction;
  remove: typeof deleteMonographAction;
};

/** Publish or unpublish in one click; deleting asks for a tick first. */
export function MonographStatusControls({ id, status, setStatus, remove }: Props) {
  const [statusResult, statusAction] = useActionState(setStatus, null);
  const [deleteResult, deleteAction] = useActionState(remove, null);
  const current = statusResult?.ok ? statusResult.data.status : status;
  return (
    <div className="mt-4 space-y-3 rounded-lg border border-leaf-100 bg-white p-4">
      <FormMessage result={statusResult?.ok ? { ok: true, message: current === "published" ? "Published: it is on the site now." : "Unpublished: it is off the site and out of search." } : statusResult} />
      <FormMessage result={deleteResult} />
      <p>
        Status: <strong>{current === "published" ? "Published" : "Draft"}</strong>
      </p>
      <div className="flex flex-wrap items-start gap-6">
        <form action={statusAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value={current === "published" ? "draft" : "published"} />
          <SubmitButton variant="secondary" pendingLabel="Saving…">
            {current === "published" ? "Unpublish" : "Publish"}
          </SubmitButton>
        </form>
        <form action={deleteAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="id" value={id} />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirm" value="yes" required />
            Yes, delete it for good
          </label>
          <SubmitButton variant="danger" pendingLabel="Deleting…">
            Delete
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
