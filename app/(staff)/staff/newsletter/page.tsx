import Link from "next/link";
import { StaffCampaignList } from "@/components/newsletter/staff-campaign-list";
import { QueryProvider } from "@/components/providers/query-provider";
import { ButtonLink } from "@/components/ui/button-link";
import { countConfirmedSubscribers } from "@/db/queries/newsletter-campaigns";
import { requirePageRole } from "@/lib/auth/session";
import { staffCampaignRows } from "@/lib/newsletter/staff-campaigns";

export const metadata = { title: "Newsletter" };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function StaffNewsletterPage({ searchParams }: Props) {
  await requirePageRole("staff", "/staff/newsletter");
  const { deleted } = await searchParams;
  const confirmed = countConfirmedSubscribers();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-leaf-900">Newsletter</h1>
        <ButtonLink href="/staff/newsletter/campaigns/new" prefetch={false}>
          Write a campaign
        </ButtonLink>
      </div>
      {deleted && (
        <p role="status" className="mt-4 rounded-md border border-leaf-700 bg-leaf-50 px-4 py-3 font-semibold text-leaf-900">
          The draft was deleted.
        </p>
      )}
      <p className="mt-2 max-w-prose">
        {confirmed.toLocaleString("en-US")} confirmed subscriber{confirmed === 1 ? "" : "s"}. A campaign goes once to each person on its lists, with their own link to leave them,
        and then appears in the public email archive.
      </p>
      <nav aria-label="Newsletter sections" className="mt-4">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            <Link prefetch={false} href="/staff/newsletter/lists">
              Lists
            </Link>
          </li>
          <li>
            <Link prefetch={false} href="/staff/newsletter/subscribers">
              Subscribers
            </Link>
          </li>
          <li>
            <Link prefetch={false} href="/staff/newsletter/import">
              Import a list
            </Link>
          </li>
          <li>
            <Link prefetch={false} href="/staff/newsletter/issues">
              The Rutabaga Rap issues
            </Link>
          </li>
        </ul>
      </nav>
      <h2 className="mt-8 text-xl font-bold text-leaf-900">Campaigns</h2>
      <QueryProvider>
        <StaffCampaignList initial={staffCampaignRows()} />
      </QueryProvider>
    </>
  );
}
