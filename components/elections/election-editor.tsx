"use client";

import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { selectClass } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { saveElectionAction } from "@/lib/actions/election-drafts";
import { ELECTION_DESCRIPTION_MAX, ELECTION_TITLE_MAX } from "@/lib/model/elections";
import { useDraftForm } from "./use-draft-form";

/** An election's own fields as the form shows them: times already on the store's clock ("2027-03-01T09:00"). */
export type ElectionEditorValues = {
  id?: number;
  title: string;
  slug: string;
  description: string;
  opensAt: string;
  closesAt: string;
  recordDate: string;
  eligibility: string;
  quorumKind: string;
  quorumValue: number | string;
  voters: string;
};

const markdownHint = "Markdown: blank line between paragraphs, “- ” for a list item, **bold**.";

/** Admins write a new election or edit a draft's settings; the ballot is edited below it once saved. */
export function ElectionEditor({ election, action }: { election: ElectionEditorValues; action: typeof saveElectionAction }) {
  const { result, formAction, key, shown, errors } = useDraftForm(action);
  const value = (name: keyof ElectionEditorValues) => shown(name, election[name] ?? "");
  return (
    <form key={key} action={formAction} className="mt-6 max-w-3xl space-y-5">
      <FormMessage result={result} />
      {election.id && <input type="hidden" name="id" value={election.id} />}
      <Field label="Title" name="title" required maxLength={ELECTION_TITLE_MAX} defaultValue={value("title")} errors={errors("title")} />
      <Field
        label="Address (optional)"
        name="slug"
        maxLength={80}
        hint="The end of the election’s web address, /elections/…. Leave empty to make it from the title."
        defaultValue={value("slug")}
        errors={errors("slug")}
      />
      <Field label="Description" name="description" multiline rows={6} maxLength={ELECTION_DESCRIPTION_MAX} hint={markdownHint} defaultValue={value("description")} errors={errors("description")} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Voting opens" name="opensAt" type="datetime-local" required hint="The store’s clock." defaultValue={value("opensAt")} errors={errors("opensAt")} />
        <Field label="Voting closes" name="closesAt" type="datetime-local" required hint="The store’s clock." defaultValue={value("closesAt")} errors={errors("closesAt")} />
        <Field
          label="Record date"
          name="recordDate"
          type="date"
          required
          hint="Ownerships approved on or before this day are on the roll."
          defaultValue={value("recordDate")}
          errors={errors("recordDate")}
        />
      </div>
      <Choices
        legend="Who is on the roll"
        name="eligibility"
        current={value("eligibility")}
        errors={errors("eligibility")}
        options={[
          ["approved", "Every ownership approved by the record date"],
          ["approved_paid_up", "Only those not behind on their equity payments at the record date"],
        ]}
      />
      <Choices
        legend="Who casts an ownership’s vote"
        name="voters"
        current={value("voters")}
        errors={errors("voters")}
        options={[
          ["primary", "The primary owner"],
          ["any_adult", "Any adult on the ownership (the first ballot counts)"],
        ]}
      />
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="font-semibold">Quorum</legend>
        <label className="block">
          <span className="font-semibold">Counted as</span>
          <select name="quorumKind" defaultValue={value("quorumKind")} className={selectClass}>
            <option value="count">A number of ownerships</option>
            <option value="percent">A percentage of the roll</option>
          </select>
        </label>
        <Field label="Ownerships or percent" name="quorumValue" inputMode="numeric" required defaultValue={value("quorumValue")} errors={errors("quorumValue") ?? errors("quorumKind")} />
      </fieldset>
      <SubmitButton pendingLabel="Saving…">{election.id ? "Save settings" : "Save as draft"}</SubmitButton>
    </form>
  );
}

/** Radio buttons that start on the stored (or just typed) choice, so that the form works without JavaScript. */
function Choices({ legend, name, current, options, errors }: { legend: string; name: string; current: string; options: [string, string][]; errors?: string[] }) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId}>
      <legend className="font-semibold">{legend}</legend>
      <div className="mt-2 space-y-2">
        {options.map(([option, label]) => (
          <label key={option} className="flex items-start gap-3">
            <input type="radio" name={name} value={option} defaultChecked={current === option} className="mt-1 size-5 shrink-0 accent-leaf-800" />
            {label}
          </label>
        ))}
      </div>
      {errorId && (
        <p id={errorId} className="mt-1 text-sm font-semibold text-red-800">
          {errors!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
