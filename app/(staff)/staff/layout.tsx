import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/staff-nav";
import { requirePageRole } from "@/lib/auth/session";
import { sectionsFor } from "@/lib/staff-navigation";

export const metadata: Metadata = { title: { default: "Staff", template: "%s · Staff" }, robots: { index: false } };

// Each staff page checks the role itself too: a layout is not re-run for every request.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole("staff", "/staff");
  return (
    <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 lg:grid-cols-[13rem_minmax(0,1fr)]">
      <StaffNav sections={sectionsFor(user.role)} />
      <main id="main" tabIndex={-1} className="min-w-0 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
