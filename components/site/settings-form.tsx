"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormKey } from "@/components/ui/use-form-key";
import type { saveSettingsAction } from "@/lib/actions/site";
import type { SiteSettings } from "@/lib/validations/site";

const textFields: { name: keyof SiteSettings; label: string; type?: string; hint?: string }[] = [
  { name: "coopName", label: "Co-op name" },
  { name: "tagline", label: "Tagline", hint: "Shown under the name on every page." },
  { name: "streetAddress", label: "Street address" },
  { name: "locality", label: "City" },
  { name: "region", label: "State" },
  { name: "postalCode", label: "ZIP code" },
  { name: "phone", label: "Phone", type: "tel" },
  { name: "fax", label: "Fax", type: "tel" },
  { name: "email", label: "Store email", type: "email" },
  { name: "staffNotificationEmail", label: "Staff notification email", type: "email", hint: "Where the portal sends notices for staff." },
  { name: "directionsUrl", label: "Map and directions link", type: "url" },
  { name: "localCoopFinderUrl", label: "“Discover your local co-op” link", type: "url" },
];

const socialFields = [
  { name: "instagram", label: "Instagram link" },
  { name: "twitter", label: "X (Twitter) link" },
  { name: "facebook", label: "Facebook link" },
] as const;

export function SettingsForm({ action, settings }: { action: typeof saveSettingsAction; settings: SiteSettings }) {
  const [result, formAction] = useActionState(action, null);
  const failed = result && !result.ok ? result : undefined;
  const formKey = useFormKey(result);
  const shown = (name: string, stored: string) => failed?.values?.[name] ?? stored;
  return (
    <form key={formKey} action={formAction} className="mt-6 max-w-2xl space-y-5">
      <FormMessage result={result} />
      {textFields.map((field) => (
        <Field
          key={field.name}
          name={field.name}
          label={field.label}
          type={field.type ?? "text"}
          hint={field.hint}
          required
          defaultValue={shown(field.name, settings[field.name] as string)}
          errors={failed?.fieldErrors?.[field.name]}
        />
      ))}
      <Field
        name="hours"
        label="Opening hours"
        hint="One line per period, e.g. “Sunday: 9 am – 8 pm”."
        multiline
        rows={4}
        required
        defaultValue={shown("hours", settings.hours.join("\n"))}
        errors={failed?.fieldErrors?.hours}
      />
      {socialFields.map((field) => (
        <Field
          key={field.name}
          name={field.name}
          label={field.label}
          type="url"
          required
          defaultValue={shown(field.name, settings.social[field.name])}
          errors={failed?.fieldErrors?.[field.name]}
        />
      ))}
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}
