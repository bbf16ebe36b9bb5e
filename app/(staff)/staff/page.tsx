import Link from "next/link";
import { countOutboxByStatus } from "@/db/queries/email";
import { countOwnerApplicationsByStatus } from "@/db/queries/owner-application-queue";
import { listPages } from "@/db/queries/site";
import { requirePageRole } from "@/lib/auth/session";
import { sectionsFor } from "@/lib/staff-navigation";

export const metadata = { title: "Dashboard" };

export default async function StaffDashboard() {
  const user = await requirePageRole("staff", "/staff");
  const pageCount = listPages().length;
  const outbox = user.role === "admin" ? countOutboxByStatus() : null;
  const waitingApplications = countOwnerApplicationsByStatus({}).submitted;
  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Staff dashboard</h1>
      <p className="mt-2">Signed in as {user.email}.</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-leaf-100 bg-white p-4">
          <h2 className="font-bold">Content pages</h2>
          <p className="mt-1">{pageCount} pages, from About to Visit us.</p>
          <Link prefetch={false} href="/staff/pages">Edit pages</Link>
        </li>
        <li className="rounded-lg border border-leaf-100 bg-white p-4">
          <h2 className="font-bold">Owner applications</h2>
          <p className="mt-1">
            {waitingApplications === 0 ? "None waiting for review." : `${waitingApplications} waiting for review.`}
          </p>
          <Link prefetch={false} href="/staff/owners/applications">Review applications</Link>
        </li>
        {outbox && (
          <li className="rounded-lg border border-leaf-100 bg-white p-4">
            <h2 className="font-bold">Email</h2>
            <p className="mt-1">
              {outbox.queued ?? 0} queued, {outbox.failed ?? 0} failed, {outbox.sent ?? 0} sent.
            </p>
            <Link prefetch={false} href="/staff/outbox">Open the outbox</Link>
          </li>
        )}
      </ul>
      <h2 className="mt-8 text-xl font-bold text-leaf-900">Everything you can open</h2>
      <ul className="mt-2 list-disc pl-6">
        {sectionsFor(user.role).map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{section.label}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
