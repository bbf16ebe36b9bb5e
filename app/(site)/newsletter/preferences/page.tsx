import type { Metadata } from "next";
import Link from "next/link";
import { PreferenceCenter } from "@/components/newsletter/preference-center";
import { leaveAllByPreferencesAction, savePreferencesAction } from "@/lib/actions/newsletter";
import { PREFERENCE_LINK_JOIN_DAYS } from "@/lib/model/newsletter";
import { describePreferenceLink } from "@/lib/newsletter/preferences";
import { LINK_PROBLEMS } from "@/lib/newsletter/subscriptions";

export const metadata: Metadata = { title: "Your newsletter lists", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The preference page every newsletter email links to, keyed by that email's own token.
 * Opening it changes nothing (mail scanners follow links); its buttons do. It reads the
 * token, so it renders per request with `Cache-Control: no-store`.
 */
export default async function NewsletterPreferencesPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const link = describePreferenceLink(value);

  if (link.state !== "valid") {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">This link does not work</h1>
        <p className="mt-4 max-w-prose">{LINK_PROBLEMS.preferencesUnknown}</p>
        <p className="mt-4 max-w-prose">
          Use the link in a newer newsletter email, or{" "}
          <Link prefetch={false} href="/account">
            sign in
          </Link>{" "}
          and choose your lists on your account page.
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Your newsletter lists</h1>
      <p className="mt-4 max-w-prose">
        {link.subscribed
          ? "Tick the lists you want and save. Untick them all, or press “Leave all”, and no more newsletter emails are sent to this address."
          : "This address gets no newsletter emails now. Tick the lists you want and save to get their emails again."}
      </p>
      {!link.canJoin && (
        <p className="mt-3 max-w-prose">{`This link comes from an email more than ${PREFERENCE_LINK_JOIN_DAYS} days old, so it can take you off lists but not add one. To add a list, use the link in a newer email or choose on your account page.`}</p>
      )}
      {link.lists.length > 0 ? (
        <PreferenceCenter token={value} lists={link.lists} subscribed={link.subscribed} save={savePreferencesAction} leaveAll={leaveAllByPreferencesAction} />
      ) : (
        <p className="mt-4">There are no lists to choose from right now.</p>
      )}
      <p className="mt-8 max-w-prose text-sm text-muted">
        Nothing changes until you press a button. The co-op&apos;s emails carry no tracking: we do not know whether you opened them.
      </p>
    </>
  );
}
