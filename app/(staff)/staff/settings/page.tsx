import { JobSettingsForm } from "@/components/jobs/job-settings-form";
import { EquityPlansForm } from "@/components/owners/equity-plans-form";
import { NextOwnerNumberForm } from "@/components/owners/next-owner-number-form";
import { RetentionPeriods } from "@/components/site/retention-periods";
import { SettingsForm } from "@/components/site/settings-form";
import { UploadSpace } from "@/components/uploads/upload-space";
import { getJobSettings } from "@/db/queries/job-settings";
import { getEquityPlans } from "@/db/queries/owner-settings";
import { getOwnerNumberState } from "@/db/queries/owners";
import { getSiteSettings } from "@/db/queries/site";
import { saveJobSettingsAction } from "@/lib/actions/job-settings";
import { saveEquityPlansAction, setNextOwnerNumberAction } from "@/lib/actions/owner-settings";
import { saveSettingsAction } from "@/lib/actions/site";
import { requirePageRole } from "@/lib/auth/session";
import { listRetentionPeriods } from "@/lib/maintenance/retention-periods";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageRole("admin", "/staff/settings");
  const ownerNumbers = getOwnerNumberState();
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Settings</h1>
      <section aria-labelledby="site-settings-heading" className="mt-6">
        <h2 id="site-settings-heading" className="text-2xl font-bold text-leaf-900">
          Site
        </h2>
        <p className="mt-2 max-w-prose">What every page shows about the co-op: its name, address, contacts, hours and links.</p>
        <SettingsForm action={saveSettingsAction} settings={getSiteSettings()} />
      </section>

      <section aria-labelledby="equity-plans-heading" className="mt-12">
        <h2 id="equity-plans-heading" className="text-2xl font-bold text-leaf-900">
          Equity plans
        </h2>
        <p className="mt-2 max-w-prose">
          The ways a new owner may pay their equity, offered on the online application. Changing a plan affects only applications made
          after the change: applications already made, and owners, keep the terms they signed up to. A plan&rsquo;s id (lowercase letters,
          digits and hyphens) is recorded with each application made on it. To stop offering a plan, clear all its fields.
        </p>
        <EquityPlansForm action={saveEquityPlansAction} plans={getEquityPlans()} />
      </section>

      <section aria-labelledby="owner-number-heading" className="mt-12">
        <h2 id="owner-number-heading" className="text-2xl font-bold text-leaf-900">
          Owner numbers
        </h2>
        <p className="mt-2 max-w-prose">
          Each approved application gets the next owner number, and the number after it is ready for the next one. You may move the next
          number, for instance to leave room for paper records, but only above the highest number already given: no two owners share one.
        </p>
        <NextOwnerNumberForm action={setNextOwnerNumberAction} next={ownerNumbers.next} highest={ownerNumbers.highest} />
      </section>

      <section aria-labelledby="job-applications-heading" className="mt-12">
        <h2 id="job-applications-heading" className="text-2xl font-bold text-leaf-900">
          Job applications
        </h2>
        <p className="mt-2 max-w-prose">
          Applications and their résumé files are personal data, kept only as long as hiring needs them. Once a posting has been closed (or
          past its closing date) for this many days, its applications and résumés are deleted by the maintenance the server runs every day
          (and at start). The audit log records how many went.
        </p>
        <JobSettingsForm action={saveJobSettingsAction} settings={getJobSettings()} />
      </section>

      <RetentionPeriods periods={listRetentionPeriods()} />
      <UploadSpace />
    </>
  );
}
