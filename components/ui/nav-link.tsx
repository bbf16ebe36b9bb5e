"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLinkProps = {
  href: string;
  children: React.ReactNode;
  className: string;
  currentClassName: string;
  /** Only an exact match counts as current (for a section's own index page). */
  exact?: boolean;
  /** false for links to pages rendered per request (staff area), whose prefetch is a full render. */
  prefetch?: false;
};

/** A navigation link that tells assistive technology which page or section is open. */
export function NavLink({ href, children, className, currentClassName, exact, prefetch }: NavLinkProps) {
  const pathname = usePathname();
  const current = pathname === href || (!exact && pathname.startsWith(`${href}/`));
  return (
    <Link href={href} prefetch={prefetch} aria-current={current ? "page" : undefined} className={`${className} ${current ? currentClassName : ""}`}>
      {children}
    </Link>
  );
}
