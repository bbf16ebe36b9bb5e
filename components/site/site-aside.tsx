import Link from "next/link";
import type { LinkGroup } from "@/lib/site";

export function SiteAside({ groups }: { groups: LinkGroup[] }) {
  return (
    <aside aria-label="Co-op links" className="print-hidden space-y-6 text-sm">
      {groups.map((group) => (
        <section key={group.heading} aria-labelledby={`aside-${slugify(group.heading)}`}>
          <h2 id={`aside-${slugify(group.heading)}`} className="mb-2 text-base font-bold text-leaf-900">
            {group.heading}
          </h2>
          <ul className="space-y-1.5">
            {group.links.map((link) => (
              <li key={link.href + link.label}>
                {link.external ? (
                  <a href={link.href} rel="noopener noreferrer">
                    {link.label}
                    <span className="sr-only"> (opens another site)</span>
                  </a>
                ) : (
                  // Twenty links on every page: prefetching them all would cost the
                  // server twenty requests per visit for pages rarely opened next.
                  <Link href={link.href} prefetch={false}>
                    {link.label}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

function slugify(text: string) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
