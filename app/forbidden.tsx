import type { Metadata } from "next";
import { StaffOnlyNotice } from "@/components/site/staff-only-notice";

export const metadata: Metadata = { title: "Not available to you", robots: { index: false } };

/** Answered with 403 when a signed-in person opens a page their role does not include. */
export default function Forbidden() {
  return (
    <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-12 focus:outline-none">
      <StaffOnlyNotice />
    </main>
  );
}
