import { formatAddress, telHref } from "@/lib/site";
import type { SiteSettings } from "@/lib/validations/site";

/** The store's address, hours and ways to reach it, as on the home and Visit pages. */
export function StoreDetails({ settings, headingLevel = 2 }: { settings: SiteSettings; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="store-details" className="mt-8 rounded-lg border border-leaf-100 bg-white p-5">
      <Heading id="store-details" className="mb-3 text-xl font-bold text-leaf-900">
        Hours and location
      </Heading>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <address className="not-italic">
            {settings.streetAddress}
            <br />
            {settings.locality}, {settings.region} {settings.postalCode}
          </address>
          <p className="mt-2">
            <a href={settings.directionsUrl} rel="noopener noreferrer">
              Map and directions to {formatAddress(settings)}
              <span className="sr-only"> (opens another site)</span>
            </a>
          </p>
          <p className="mt-2">
            Phone <a href={telHref(settings.phone)}>{settings.phone}</a> · Fax {settings.fax}
            <br />
            <a href={`mailto:${settings.email}`}>{settings.email}</a>
          </p>
        </div>
        <ul className="space-y-1" aria-label="Opening hours">
          {settings.hours.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
