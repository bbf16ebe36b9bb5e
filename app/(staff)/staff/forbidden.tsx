import type { Metadata } from "next";
import { headers } from "next/headers";
import { StaffOnlyNotice } from "@/components/site/staff-only-notice";
import { startedByAnotherSite } from "@/lib/audit/cross-site";

export async function generateMetadata(): Promise<Metadata> {
  return { title: startedByAnotherSite(await headers()) ? "Open this page from the portal" : "Not available to you", robots: { index: false } };
}

/**
 * Answered with 403 inside the staff area: to a view of personal data that another site
 * started (recordPersonalDataView writes no audit row for it), and to a signed-in person
 * whose role does not reach the page. The link is the page's own address, followed from
 * the portal's own page: a browser sends that as same-origin, and the page opens.
 */
export default async function StaffForbidden() {
  if (!startedByAnotherSite(await headers())) return <StaffOnlyNotice />;
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Open this page from the portal</h1>
      <p className="mt-4 max-w-prose">
        You followed a link to this page from outside the portal: an email, a chat or another website. Opening a page
        with people’s details is written to the audit log in your name, so such pages open only from the portal’s own
        pages, a bookmark or an address you type.
      </p>
      <p className="mt-4">
        <a href="" className="inline-block rounded-md bg-leaf-800 px-4 py-2 font-semibold text-white no-underline hover:bg-leaf-900 hover:text-white">
          Open the page
        </a>
      </p>
    </>
  );
}
