import Link from "next/link";
import { JobEditor } from "@/components/jobs/job-editor";
import { createJobAction } from "@/lib/actions/jobs";
import { requirePageRole } from "@/lib/auth/session";
import { storeDay } from "@/lib/model/format";
import { getCachedSiteSettings } from "@/lib/site/cached";
import { addDays, formatISO } from "date-fns";

export const metadata = { title: "New job posting" };

export default async function NewJobPage() {
  await requirePageRole("staff", "/staff/jobs/new");
  const settings = await getCachedSiteSettings();
  const inFourWeeks = formatISO(addDays(new Date(`${storeDay()}T12:00:00Z`), 28), { representation: "date" });
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/jobs">
          Jobs
        </Link>{" "}
        › New posting
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">New job posting</h1>
      <p className="mt-2 max-w-prose">It is saved as a draft: nobody sees it until you publish it from the list or its page.</p>
      <JobEditor
        action={createJobAction}
        slugLocked={false}
        job={{
          title: "",
          slug: "",
          department: "",
          employmentType: "part_time",
          hours: "",
          payMinCents: null,
          payMaxCents: null,
          payUnit: "hour",
          location: `${settings.coopName}, ${settings.streetAddress}, ${settings.locality}, ${settings.region} ${settings.postalCode}`,
          description: "",
          responsibilities: "",
          qualifications: "",
          benefits: "",
          closesOn: inFourWeeks,
        }}
      />
    </>
  );
}
