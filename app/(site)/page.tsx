import Link from "next/link";
import { CurrentOpenings } from "@/components/jobs/current-openings";
import { StoreDetails } from "@/components/site/store-details";
import { ButtonLink } from "@/components/ui/button-link";
import { getOpenJobs } from "@/lib/jobs/cached";
import { toJobSummary } from "@/lib/jobs/summary";
import { getCachedMonographList } from "@/lib/monographs/cached";
import { getCachedSiteSettings } from "@/lib/site/cached";

const invitations = [
  {
    href: "/health",
    title: "Health library",
    text: "Plain-language guides to herbs, supplements, therapies and conditions, with the evidence graded and the studies cited.",
    action: "Browse the library",
  },
  {
    href: "/owners",
    title: "Own your grocery store",
    text: "Owners share in the decisions and the discounts. Equity can be paid a little at a time, and you can apply online.",
    action: "Why become an owner",
  },
  {
    href: "/jobs",
    title: "Work with us",
    text: "See the positions open now and apply online with your résumé. We answer every application.",
    action: "See current openings",
  },
  {
    href: "/newsletter",
    title: "Stay in the loop",
    text: "Sales, classes and local news by email, plus every issue of The Rutabaga Rap, our print newsletter.",
    action: "Get the newsletter",
  },
];

export default async function HomePage() {
  const [settings, monographs, openJobs] = await Promise.all([getCachedSiteSettings(), getCachedMonographList(), getOpenJobs()]);
  const featured = [...monographs].sort((a, b) => (b.reviewedAt ?? "").localeCompare(a.reviewedAt ?? "")).slice(0, 4);
  return (
    <>
      <section aria-labelledby="welcome" className="rounded-lg bg-leaf-50 p-6">
        <h1 id="welcome" className="text-3xl font-bold text-leaf-900">
          Welcome to {settings.coopName}
        </h1>
        <p className="mt-3 max-w-prose text-lg">
          {settings.tagline}. Everyone is welcome to shop; owners help steer the store and share in what it earns.
        </p>
        <div className="mt-5 flex flex-wrap gap-3">
          <ButtonLink href="/visit">Plan your visit</ButtonLink>
          <ButtonLink href="/owners" variant="secondary">
            Become an owner
          </ButtonLink>
        </div>
      </section>

      <StoreDetails settings={settings} />

      <section aria-labelledby="explore" className="mt-10">
        <h2 id="explore" className="sr-only">
          Explore the co-op
        </h2>
        <ul className="grid gap-5 sm:grid-cols-2">
          {invitations.map((item) => (
            <li key={item.href} className="flex flex-col rounded-lg border border-leaf-100 bg-white p-5">
              <h3 className="text-lg font-bold text-leaf-900">{item.title}</h3>
              <p className="mt-2 flex-1">{item.text}</p>
              <p className="mt-3">
                <Link href={item.href} className="font-semibold">
                  {item.action}
                  <span aria-hidden="true"> →</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <CurrentOpenings jobs={openJobs.slice(0, 3).map(toJobSummary)} total={openJobs.length} />

      {featured.length > 0 && (
        <section aria-labelledby="featured-monographs" className="mt-10">
          <h2 id="featured-monographs" className="text-xl font-bold text-leaf-900">
            Recently reviewed in the health library
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {featured.map((monograph) => (
              <li key={monograph.slug}>
                <Link href={`/health/${monograph.slug}`} className="font-semibold">
                  {monograph.title}
                </Link>
                <p className="text-sm">{monograph.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
