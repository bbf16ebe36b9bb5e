import { SettingsForm } from "@/components/site/settings-form";
import { getSiteSettings } from "@/db/queries/site";
import { saveSettingsAction } from "@/lib/actions/site";
import { requirePageRole } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageRole("admin", "/staff/settings");
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Site settings</h1>
      <p className="mt-2 max-w-prose">What every page shows about the co-op: its name, address, contacts, hours and links.</p>
      <SettingsForm action={saveSettingsAction} settings={getSiteSettings()} />
    </>
  );
}
