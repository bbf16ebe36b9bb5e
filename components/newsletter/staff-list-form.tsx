"use client";

import { useActionState, useState } from "react";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { RadioGroup } from "@/components/ui/radio-group";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { archiveNewsletterListAction, createNewsletterListAction, updateNewsletterListAction } from "@/lib/actions/newsletter-lists";
import type { ListAudience } from "@/lib/model/newsletter";

export type StaffListValues = { id: number; name: string; description: string; audience: ListAudience; joinByDefault: boolean; position: number };

type Props =
  | { mode: "create"; action: typeof createNewsletterListAction; list?: undefined }
  | { mode: "edit"; action: typeof updateNewsletterListAction; list: StaffListValues };

const audienceOptions = [
  { value: "everyone", label: "Everyone", description: "Offered on /newsletter and on the account page." },
  { value: "owners", label: "Owners only", description: "Offered only on the account page of someone with an ownership; never on public forms." },
];

/** Staff: a list's fields, to add one or to edit it. */
export function StaffListForm({ mode, action, list }: Props) {
  const [result, formAction] = useActionState(action as typeof createNewsletterListAction, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  const value = (name: string, fallback: string) => failed?.values?.[name] ?? fallback;
  const [audience, setAudience] = useState<string>(list?.audience ?? "everyone");
  return (
    <form key={formKey} action={formAction} className="max-w-prose space-y-4" noValidate>
      <FormMessage result={result} />
      {list && <input type="hidden" name="id" value={list.id} />}
      <Field label="Name" name="name" required maxLength={80} errors={failed?.fieldErrors?.name} defaultValue={value("name", list?.name ?? "")} />
      <Field
        label="Description (optional)"
        name="description"
        multiline
        rows={2}
        maxLength={300}
        hint="Shown beside the checkbox: what comes, and how often."
        errors={failed?.fieldErrors?.description}
        defaultValue={value("description", list?.description ?? "")}
      />
      <RadioGroup legend="Who may join" name="audience" options={audienceOptions} value={audience} onChange={setAudience} errors={failed?.fieldErrors?.audience} />
      <CheckboxField
        name="joinByDefault"
        label="Ticked for new signups (the form on every page joins it)"
        defaultChecked={failed?.values ? failed.values.joinByDefault === "on" : (list?.joinByDefault ?? false)}
        errors={failed?.fieldErrors?.joinByDefault}
      />
      <Field
        label="Position"
        name="position"
        inputMode="numeric"
        maxLength={3}
        hint="Lists are shown from the lowest number up."
        errors={failed?.fieldErrors?.position}
        defaultValue={value("position", String(list?.position ?? 0))}
      />
      <SubmitButton pendingLabel="Saving…">{mode === "create" ? "Add the list" : "Save"}</SubmitButton>
    </form>
  );
}

/** Staff: archives one list. */
export function ArchiveListButton({ action, id, name }: { action: typeof archiveNewsletterListAction; id: number; name: string }) {
  const [result, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Archiving…">
        Archive<span className="sr-only"> {name}</span>
      </SubmitButton>
      {result && !result.ok && (
        <span role="alert" className="font-semibold text-red-800">
          {result.message}
        </span>
      )}
    </form>
  );
}
