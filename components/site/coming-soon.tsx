import { telHref } from "@/lib/site";
import type { SiteSettings } from "@/lib/validations/site";

type ComingSoonProps = {
  title: string;
  /** What the visitor can do today, in person or by phone. */
  children: React.ReactNode;
  settings: SiteSettings;
};

/**
 * The page behind a link whose online feature is not built yet: it says so plainly and
 * how to get the same thing done today, instead of a 404 on a link every page carries.
 */
export function ComingSoon({ title, children, settings }: ComingSoonProps) {
  return (
    <article>
      <h1 className="mb-6 text-3xl font-bold text-leaf-900">{title}</h1>
      <div className="prose-coop">
        {children}
        <p>
          Questions? Call <a href={telHref(settings.phone)}>{settings.phone}</a> or write to{" "}
          <a href={`mailto:${settings.email}`}>{settings.email}</a>.
        </p>
      </div>
    </article>
  );
}
