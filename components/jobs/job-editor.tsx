"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { createJobAction, updateJobAction } from "@/lib/actions/jobs";
import { dollarsFromCents } from "@/lib/validations/fields";
import { employmentTypeLabels, employmentTypes, payUnitLabels, payUnits } from "@/lib/model/jobs";

export type JobEditorValues = {
  id?: number;
  title: string;
  slug: string;
  department: string;
  employmentType: string;
  hours: string;
  payMinCents: number | null;
  payMaxCents: number | null;
  payUnit: string;
  location: string;
  description: string;
  responsibilities: string;
  qualifications: string;
  benefits: string;
  closesOn: string;
};

const markdownHint = "Markdown: blank line between paragraphs, “- ” for a list item, **bold**.";

/** Staff write or edit a posting; the address is fixed once the posting has been public. */
export function JobEditor({
  job,
  action,
  slugLocked,
}: {
  job: JobEditorValues;
  action: typeof createJobAction | typeof updateJobAction;
  slugLocked: boolean;
}) {
  const [result, formAction] = useActionState(action as typeof updateJobAction, null);
  const failed = result && !result.ok ? result : undefined;
  const key = useFormKey(result);
  const shown = (name: string, stored: string) => failed?.values?.[name] ?? stored;
  const errors = (name: string) => failed?.fieldErrors?.[name];
  const text = (name: keyof JobEditorValues) => shown(name, String(job[name] ?? ""));
  return (
    <form key={key} action={formAction} className="mt-6 max-w-3xl space-y-5">
      <FormMessage result={result} />
      {job.id && <input type="hidden" name="id" value={job.id} />}
      <Field label="Title" name="title" required maxLength={120} defaultValue={text("title")} errors={errors("title")} />
      {slugLocked ? (
        <>
          <input type="hidden" name="slug" value={job.slug} />
          <p className="text-sm">
            Address: <code>/jobs/{job.slug}</code> (kept as it is: the posting has been public).
          </p>
        </>
      ) : (
        <Field label="Address (optional)" name="slug" maxLength={80} hint="The end of the posting’s web address. Leave empty to make it from the title." defaultValue={text("slug")} errors={errors("slug")} />
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Department" name="department" required maxLength={60} defaultValue={text("department")} errors={errors("department")} />
        <div>
          <Select label="Kind of job" name="employmentType" defaultValue={text("employmentType") || "part_time"}>
            {employmentTypes.map((type) => (
              <option key={type} value={type}>
                {employmentTypeLabels[type]}
              </option>
            ))}
          </Select>
        </div>
        <Field label="Hours" name="hours" required maxLength={120} hint="E.g. “20–30 hours a week, some weekends”." defaultValue={text("hours")} errors={errors("hours")} />
        <Field label="Location" name="location" required maxLength={160} defaultValue={text("location")} errors={errors("location")} />
        <Field label="Pay from (dollars)" name="payMin" inputMode="decimal" required defaultValue={shown("payMin", job.payMinCents === null ? "" : dollarsFromCents(job.payMinCents))} errors={errors("payMin")} />
        <Field label="Pay up to (dollars, optional)" name="payMax" inputMode="decimal" hint="Leave empty for a single rate." defaultValue={shown("payMax", job.payMaxCents === null ? "" : dollarsFromCents(job.payMaxCents))} errors={errors("payMax")} />
        <div>
          <Select label="Pay per" name="payUnit" defaultValue={text("payUnit") || "hour"}>
            {payUnits.map((unit) => (
              <option key={unit} value={unit}>
                {payUnitLabels[unit]}
              </option>
            ))}
          </Select>
        </div>
        <Field label="Last day to apply" name="closesOn" type="date" required defaultValue={text("closesOn")} errors={errors("closesOn")} />
      </div>
      <Field label="Description" name="description" multiline rows={6} required maxLength={20_000} hint={markdownHint} defaultValue={text("description")} errors={errors("description")} />
      <Field label="Responsibilities" name="responsibilities" multiline rows={5} maxLength={20_000} hint={markdownHint} defaultValue={text("responsibilities")} errors={errors("responsibilities")} />
      <Field label="Qualifications" name="qualifications" multiline rows={5} maxLength={20_000} hint={markdownHint} defaultValue={text("qualifications")} errors={errors("qualifications")} />
      <Field label="Benefits" name="benefits" multiline rows={4} maxLength={20_000} hint={markdownHint} defaultValue={text("benefits")} errors={errors("benefits")} />
      <SubmitButton pendingLabel="Saving…">{job.id ? "Save posting" : "Save as draft"}</SubmitButton>
    </form>
  );
}
