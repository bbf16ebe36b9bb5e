import { SubmitButton } from "@/components/ui/submit-button";

type Props = { action: (formData: FormData) => void; token?: string; refusal?: string };

/**
 * "Leave all" as /account and the preference page show it: a plain form (a token when the
 * page is opened from an email), with a refusal beside the button. The caller holds the
 * action's state, so a result survives the page answering the form without JavaScript.
 */
export function LeaveAllForm({ action, token, refusal }: Props) {
  return (
    <form action={action} className="mt-6 flex max-w-prose flex-wrap items-center gap-3">
      <p className="w-full text-sm text-muted">Leave all: you leave every list and no more newsletter emails are sent to you.</p>
      {token !== undefined && <input type="hidden" name="token" value={token} />}
      <SubmitButton variant="secondary" pendingLabel="Leaving…">
        Leave all
      </SubmitButton>
      {refusal && (
        <span role="alert" className="font-semibold text-red-800">
          {refusal}
        </span>
      )}
    </form>
  );
}
