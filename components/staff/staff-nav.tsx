import { NavLink } from "@/components/ui/nav-link";
import type { StaffSection } from "@/lib/staff-navigation";

export function StaffNav({ sections }: { sections: StaffSection[] }) {
  return (
    <nav aria-label="Staff" className="print-hidden text-sm">
      <ul className="space-y-1">
        {sections.map((section) => (
          <li key={section.href}>
            <NavLink
              href={section.href}
              prefetch={false}
              exact={section.href === "/staff"}
              className="block rounded px-3 py-2 font-semibold no-underline hover:bg-leaf-50"
              currentClassName="bg-leaf-100 text-leaf-900"
            >
              {section.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
