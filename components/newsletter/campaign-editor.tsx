"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { CampaignAudienceFields, type ChoosableList } from "./campaign-audience-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { createCampaignAction, updateCampaignAction } from "@/lib/actions/newsletter-campaigns";
import type { CampaignSegment } from "@/lib/model/newsletter";
import { CAMPAIGN_MARKDOWN_MAX, CAMPAIGN_SUBJECT_MAX } from "@/lib/validations/newsletter-campaigns";

const markdownHint =
  "Markdown: blank line between paragraphs, “## ” for a heading, “- ” for a list item, **bold**, [link text](https://…). HTML is not allowed. Each subscriber’s unsubscribe link is added at the bottom.";

/** Staff write or edit a draft campaign: its subject, Markdown body, lists and who of them it reaches. */
export function CampaignEditor({
  campaign,
  action,
  lists,
}: {
  campaign: { id?: number; subject: string; markdown: string; listIds: number[]; segment: CampaignSegment | null };
  action: typeof createCampaignAction | typeof updateCampaignAction;
  /** The lists it may go to (archived ones are not offered). */
  lists: ChoosableList[];
}) {
  const [result, formAction] = useActionState(action as typeof updateCampaignAction, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const shown = (name: "subject" | "markdown") => failed?.values?.[name] ?? campaign[name];
  return (
    <form key={key} action={formAction} className="mt-6 max-w-3xl space-y-5">
      <FormMessage result={result} />
      {campaign.id && <input type="hidden" name="id" value={campaign.id} />}
      <Field label="Subject" name="subject" required maxLength={CAMPAIGN_SUBJECT_MAX} hint="What subscribers see in their inbox, and the title of the archive page." defaultValue={shown("subject")} errors={failed?.fieldErrors?.subject} />
      <Field label="Message" name="markdown" multiline rows={18} required maxLength={CAMPAIGN_MARKDOWN_MAX} hint={markdownHint} defaultValue={shown("markdown")} errors={failed?.fieldErrors?.markdown} />
      <CampaignAudienceFields lists={lists} chosen={campaign.listIds} segment={campaign.segment} values={failed?.values} errors={failed?.fieldErrors} />
      <SubmitButton pendingLabel="Saving…">{campaign.id ? "Save the draft" : "Save as draft"}</SubmitButton>
    </form>
  );
}
