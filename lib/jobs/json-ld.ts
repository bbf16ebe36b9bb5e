import { nextDay, startOfStoreDay } from "@/lib/model/format";
import type { SiteSettings } from "@/lib/validations/site";
import type { PublicJob } from "./cached";
import type { PostingSectionKey } from "./posting-content";
import { isJobOpen } from "./open";
import type { EmploymentType, PayUnit } from "@/lib/model/jobs";

/**
 * schema.org employmentType for each of ours. Seasonal work is TEMPORARY: it ends with the
 * season, which is what TEMPORARY tells a job seeker. Whether its hours are full or part
 * time our postings say only in words ("hours"), so naming PART_TIME as well would claim
 * what the posting may not mean.
 */
const schemaEmploymentTypes: Record<EmploymentType, string> = {
  full_time: "FULL_TIME",
  part_time: "PART_TIME",
  seasonal: "TEMPORARY",
  temporary: "TEMPORARY",
};

const schemaPayUnits: Record<PayUnit, string> = { hour: "HOUR", year: "YEAR" };

/** The last instant applications are taken: the end of the closing day in the store's time zone. */
export function endOfClosingDay(closesOn: string) {
  return new Date(startOfStoreDay(nextDay(closesOn)).getTime() - 1000).toISOString();
}

export type JobPostingJsonLdInput = {
  job: Pick<
    PublicJob,
    "slug" | "title" | "department" | "employmentType" | "hours" | "payMinCents" | "payMaxCents" | "payUnit" | "location" | "closesOn" | "status" | "publishedAt"
  >;
  /** Each section's plain text (see postingSections); empty sections as "". */
  text: Record<PostingSectionKey, string>;
  settings: Pick<SiteSettings, "coopName" | "streetAddress" | "locality" | "region" | "postalCode">;
  /** Absolute origin, no trailing slash. */
  siteUrl: string;
  /** The store's day the page is rendered on (YYYY-MM-DD). */
  today: string;
};

/**
 * schema.org JobPosting for a posting's page, or null when the posting takes no
 * applications (closed, or past its closing day): search engines must stop listing it,
 * though its page stays for those who kept the link.
 */
export function jobPostingJsonLd({ job, text, settings, siteUrl, today }: JobPostingJsonLdInput) {
  if (!isJobOpen(job, today) || !job.publishedAt) return null;
  const url = `${siteUrl}/jobs/${job.slug}`;
  const dollars = (cents: number) => cents / 100;
  const isRange = job.payMaxCents !== null && job.payMaxCents !== job.payMinCents;
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: job.title,
    description: text.description,
    url,
    identifier: { "@type": "PropertyValue", name: settings.coopName, value: job.slug },
    datePosted: job.publishedAt,
    validThrough: endOfClosingDay(job.closesOn),
    employmentType: schemaEmploymentTypes[job.employmentType],
    occupationalCategory: job.department,
    workHours: job.hours,
    ...(text.responsibilities && { responsibilities: text.responsibilities }),
    ...(text.qualifications && { qualifications: text.qualifications }),
    ...(text.benefits && { jobBenefits: text.benefits }),
    hiringOrganization: {
      "@type": "Organization",
      name: settings.coopName,
      sameAs: siteUrl,
      url: siteUrl,
      logo: `${siteUrl}/logo.svg`,
    },
    jobLocation: {
      "@type": "Place",
      name: job.location,
      address: {
        "@type": "PostalAddress",
        streetAddress: settings.streetAddress,
        addressLocality: settings.locality,
        addressRegion: settings.region,
        postalCode: settings.postalCode,
        addressCountry: "US",
      },
    },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "USD",
      value: {
        "@type": "QuantitativeValue",
        ...(isRange ? { minValue: dollars(job.payMinCents), maxValue: dollars(job.payMaxCents!) } : { value: dollars(job.payMinCents) }),
        unitText: schemaPayUnits[job.payUnit],
      },
    },
    directApply: true,
  };
}
