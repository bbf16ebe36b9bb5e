"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A main-navigation link that tells assistive technology which section is open. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`block rounded px-3 py-2 text-white no-underline hover:bg-leaf-900 hover:text-white ${
        current ? "bg-leaf-900 underline underline-offset-4" : ""
      }`}
    >
      {children}
    </Link>
  );
}
