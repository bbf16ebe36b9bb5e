import type { SiteSettings } from "./validations/site";

export type SiteLink = { href: string; label: string; external?: boolean };
export type LinkGroup = { heading: string; links: SiteLink[] };

export const primaryNavigation: SiteLink[] = [
  { href: "/health", label: "Health library" },
  { href: "/owners", label: "Become an owner" },
  { href: "/jobs", label: "Jobs" },
  { href: "/newsletter", label: "Newsletter" },
  { href: "/about", label: "About" },
  { href: "/visit", label: "Visit us" },
];

/**
 * The links every page carries in its aside: all the links of the co-op's original site,
 * now pointing at the portal's own pages (online forms instead of PDFs).
 */
export function asideLinkGroups(settings: SiteSettings): LinkGroup[] {
  return [
    {
      heading: "Newsletters",
      links: [
        { href: "/newsletter#signup", label: "Sign up for the email newsletter" },
        { href: "/newsletter#archive", label: "Email newsletter archive" },
        // Always the newest issue, with the aside left prerendered: the list page is
        // revalidated by tag on every upload or deletion and its newest entry carries
        // id="latest". A redirect straight to the newest PDF would need a database read
        // per click and would start a download of up to 20 MB from any page; this way the
        // reader sees the issue's summary and size first.
        { href: "/newsletter/issues#latest", label: "Latest issue of The Rutabaga Rap" },
        { href: "/newsletter/issues", label: "Rutabaga Rap archive" },
        { href: "/advertise", label: "Advertise in our newsletter" },
      ],
    },
    {
      heading: "Our co-op",
      links: [
        { href: "/about", label: "About our co-op" },
        { href: "/about/flower-program", label: "The FLOWER discount program" },
        { href: "/about/top-10-reasons", label: "Top 10 reasons to shop here" },
        { href: "/about/co-ops", label: "All about co-ops" },
        { href: "/about/board", label: "Our board of directors" },
        { href: "/about/global-ends-policy", label: "Global Ends policy" },
        { href: "/about/co-op-connections", label: "Co-op Connections" },
      ],
    },
    {
      heading: "Ownership",
      links: [
        { href: "/owners", label: "Why become an owner?" },
        { href: "/owners/apply", label: "Apply to become an owner" },
        { href: "/about/bylaws", label: "Our bylaws, in short" },
        { href: "/elections", label: "Owner elections" },
      ],
    },
    {
      heading: "Work with us",
      links: [
        { href: "/jobs", label: "Current job openings" },
        { href: "/jobs#apply", label: "Apply for a job online" },
      ],
    },
    {
      heading: "Elsewhere",
      links: [
        { href: settings.localCoopFinderUrl, label: "Discover your local co-op", external: true },
        { href: settings.social.instagram, label: "Follow us on Instagram", external: true },
        { href: settings.social.twitter, label: "Follow us on X (Twitter)", external: true },
        { href: settings.social.facebook, label: "Join us on Facebook", external: true },
      ],
    },
  ];
}

export function formatAddress(settings: SiteSettings) {
  return `${settings.streetAddress}, ${settings.locality}, ${settings.region} ${settings.postalCode}`;
}

/** A tel: URI from a displayed number ("585-555-0142" → "tel:+15855550142"). */
export function telHref(phone: string) {
  const digits = phone.replace(/\D/g, "");
  return `tel:${digits.length === 10 ? `+1${digits}` : digits}`;
}

/**
 * The default picture of a shared link (public/og-image.png). Next replaces a parent's
 * `openGraph` with a page's own rather than merging them, so every page that sets
 * `openGraph` names it again.
 */
export const shareImage = { url: "/og-image.png", width: 1200, height: 630, alt: "The co-op's beet logo on green" };
