import Link from "next/link";
import { primaryNavigation } from "@/lib/site";
import { NavLink } from "@/components/ui/nav-link";

export function SiteHeader({ coopName, tagline }: { coopName: string; tagline: string }) {
  return (
    <header className="print-hidden border-b border-leaf-900 bg-leaf-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-4 md:flex-row md:items-end md:justify-between">
        <div>
          <Link href="/" className="flex items-center gap-3 text-2xl font-bold text-white no-underline hover:text-white hover:underline">
            {/* Decorative (the name beside it is the link's text). A plain <img>: an SVG needs
                no resizing, and next/image would ship its client component to every page. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img src="/logo.svg" alt="" width={40} height={40} />
            {coopName}
          </Link>
          <p className="text-sm text-leaf-100">{tagline}</p>
          <p className="mt-1 text-sm">
            <Link href="/account" prefetch={false} className="text-white underline hover:text-white">
              Sign in or view your account
            </Link>
          </p>
        </div>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm font-semibold">
            {primaryNavigation.map((link) => (
              <li key={link.href}>
                <NavLink
                  href={link.href}
                  className="block rounded px-3 py-2 text-white no-underline hover:bg-leaf-900 hover:text-white"
                  currentClassName="bg-leaf-900 underline underline-offset-4"
                >
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
