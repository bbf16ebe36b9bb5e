import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmSubscriptionForm } from "@/components/newsletter/confirm-subscription-form";
import { confirmSubscriptionAction } from "@/lib/actions/newsletter";
import { describeConfirmLink, LINK_PROBLEMS } from "@/lib/newsletter/subscriptions";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The page a confirmation email's link opens. Opening it changes nothing (mail scanners
 * follow links); its button confirms. It reads the token, so it renders per request,
 * and Next sends such pages `Cache-Control: no-store`.
 */
export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const link = describeConfirmLink(value);

  if (link.state !== "valid") {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">This confirmation link does not work</h1>
        <p className="mt-4 max-w-prose">{link.state === "expired" ? LINK_PROBLEMS.confirmExpired : LINK_PROBLEMS.confirmUnknown}</p>
        <p className="mt-4">
          <Link prefetch={false} href="/newsletter#signup">
            Sign up for the newsletter
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Confirm your subscription</h1>
      <p className="mt-4 max-w-prose">
        {link.firstName ? `Hello ${link.firstName}! ` : ""}Press the button to receive the co-op&apos;s email newsletter. You can
        unsubscribe at any time from any newsletter email.
      </p>
      {link.lists.length > 0 && (
        <>
          <p className="mt-3">The lists chosen:</p>
          <ul className="mt-1 list-disc pl-6">
            {link.lists.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </>
      )}
      <ConfirmSubscriptionForm action={confirmSubscriptionAction} token={value} />
      <p className="mt-6 text-sm text-muted">Did not sign up? Close this page: nothing happens until the button is pressed.</p>
    </>
  );
}
