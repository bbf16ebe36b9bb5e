import type { Metadata } from "next";
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
  const problem = link.state === "valid" ? null : link.state === "expired" ? LINK_PROBLEMS.confirmExpired : LINK_PROBLEMS.confirmUnknown;
  return (
    <ConfirmSubscriptionForm
      action={confirmSubscriptionAction}
      token={value}
      problem={problem}
      firstName={link.state === "valid" ? link.firstName : null}
      lists={link.state === "valid" ? link.lists : []}
    />
  );
}
