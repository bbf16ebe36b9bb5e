import Link from "next/link";
import { primaryNavigation } from "@/lib/site";
import { NavLink } from "./nav-link";

export function SiteHeader({ coopName, tagline }: { coopName: string; tagline: string }) {
  return (
    <header className="print-hidden border-b border-leaf-900 bg-leaf-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4 md:flex-row md:items-end md:justify-between">
        <div>
          <Link href="/" className="text-2xl font-bold text-white no-underline hover:text-white hover:underline">
            {coopName}
          </Link>
          <p className="text-sm text-leaf-100">{tagline}</p>
        </div>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm font-semibold">
            {primaryNavigation.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
