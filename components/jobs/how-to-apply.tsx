import { formatAddress, telHref } from "@/lib/site";
import type { SiteSettings } from "@/lib/validations/site";

/**
 * How to apply, online or at the store: the target of every page's "Apply for a job online"
 * link (/jobs#apply). With no openings it says what to do instead.
 */
export function HowToApply({ settings, hasOpenings }: { settings: SiteSettings; hasOpenings: boolean }) {
  return (
    <section id="apply" aria-labelledby="apply-heading" className="mt-10 rounded-lg bg-leaf-50 p-5">
      <h2 id="apply-heading" className="text-xl font-bold text-leaf-900">
        How to apply
      </h2>
      <div className="prose-coop mt-3">
        {hasOpenings ? (
          <p>
            Open a position above and press <strong>Apply for this job</strong>. You can send your résumé as a PDF or
            Word file, or paste it in. We confirm by email that it arrived, and we answer every application.
          </p>
        ) : (
          <p>
            We post every opening here first. Between postings you are welcome to leave a résumé or fill in a paper
            application at the customer service desk at {formatAddress(settings)}; we keep them on file and call when a
            position that fits opens.
          </p>
        )}
        <p>
          Prefer paper? Ask at the customer service desk for an application. Questions about a position? Call{" "}
          <a href={telHref(settings.phone)}>{settings.phone}</a> or write to <a href={`mailto:${settings.email}`}>{settings.email}</a>.
        </p>
      </div>
    </section>
  );
}
