import type { Role } from "@/lib/model/users";

export type StaffSection = { href: string; label: string; adminOnly?: boolean };

/** The staff area's sections, in menu order. */
export const staffSections: StaffSection[] = [
  { href: "/staff", label: "Dashboard" },
  { href: "/staff/pages", label: "Pages" },
  { href: "/staff/monographs", label: "Health library" },
  { href: "/staff/owners", label: "Owners" },
  { href: "/staff/jobs", label: "Jobs" },
  { href: "/staff/newsletter", label: "Newsletter" },
  // Staff read elections and run the paper count; admins write and open them.
  { href: "/staff/elections", label: "Elections" },
  { href: "/staff/settings", label: "Settings", adminOnly: true },
  { href: "/staff/people", label: "People", adminOnly: true },
  { href: "/staff/audit", label: "Audit log", adminOnly: true },
  { href: "/staff/outbox", label: "Outbox", adminOnly: true },
];

export const sectionsFor = (role: Role) => staffSections.filter((section) => !section.adminOnly || role === "admin");
