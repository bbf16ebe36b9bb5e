import Link from "next/link";
import { formatAddress, telHref } from "@/lib/site";
import type { SiteSettings } from "@/lib/validations/site";

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="print-hidden mt-12 border-t border-leaf-100 bg-leaf-900 text-white">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 text-sm sm:grid-cols-3">
        <div>
          <p className="font-bold">{settings.coopName}</p>
          <address className="not-italic">
            {settings.streetAddress}
            <br />
            {settings.locality}, {settings.region} {settings.postalCode}
          </address>
        </div>
        <ul className="space-y-1">
          <li>
            Phone:{" "}
            <a className="text-white underline" href={telHref(settings.phone)}>
              {settings.phone}
            </a>
          </li>
          <li>Fax: {settings.fax}</li>
          <li>
            Email:{" "}
            <a className="text-white underline" href={`mailto:${settings.email}`}>
              {settings.email}
            </a>
          </li>
        </ul>
        <ul className="space-y-1">
          <li>
            <Link className="text-white underline" href="/visit">
              Hours and directions
            </Link>
          </li>
          <li>
            <a className="text-white underline" href={settings.directionsUrl} rel="noopener noreferrer">
              Map to {formatAddress(settings)}
              <span className="sr-only"> (opens another site)</span>
            </a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
