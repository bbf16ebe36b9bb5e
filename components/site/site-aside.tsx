import Link from "next/link";
import { NewsletterSignupForm } from "@/components/newsletter/signup-form";
import type { subscribeToNewsletterAction } from "@/lib/actions/newsletter";
import type { LinkGroup } from "@/lib/site";

type Props = { groups: LinkGroup[]; signupAction: typeof subscribeToNewsletterAction };

/**
 * The co-op's links and the newsletter signup, on every public page. The signup posts
 * through a server action and reads no request at render, so the pages stay prerendered.
 */
export function SiteAside({ groups, signupAction }: Props) {
  return (
    <aside aria-label="Co-op links" className="print-hidden space-y-6 text-sm">
      <section aria-labelledby="aside-newsletter-signup">
        <h2 id="aside-newsletter-signup" className="mb-2 text-base font-bold text-leaf-900">
          Get our email newsletter
        </h2>
        <NewsletterSignupForm action={signupAction} />
      </section>
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
