import type { Metadata } from "next";
import { UnsubscribeForm } from "@/components/newsletter/unsubscribe-form";
import { unsubscribeByLinkAction } from "@/lib/actions/newsletter";
import { listPhrase } from "@/lib/newsletter/list-phrase";
import { LINK_PROBLEMS } from "@/lib/newsletter/subscriptions";
import { describeUnsubscribeLink } from "@/lib/newsletter/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe from the newsletter", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The page a newsletter email's unsubscribe link opens: GET changes nothing, the button
 * unsubscribes. Mail clients' one-click unsubscribe (RFC 8058) POSTs to ./one-click instead.
 */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  const link = describeUnsubscribeLink(value);

  if (link.state !== "valid") {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">This unsubscribe link does not work</h1>
        <p className="mt-4 max-w-prose">{LINK_PROBLEMS.unsubscribeUnknown}</p>
        <p className="mt-4 max-w-prose">
          If you keep receiving the newsletter, use the link in the newest email, or sign in and unsubscribe from your account
          page.
        </p>
      </>
    );
  }

  if (link.lists) {
    return (
      <>
        <h1 className="text-3xl font-bold text-leaf-900">Leave {listPhrase(link.lists)}</h1>
        {link.alreadyUnsubscribed ? (
          <p className="mt-4 max-w-prose">This address has already left {link.lists.length === 1 ? "it" : "them"}: no emails from {link.lists.length === 1 ? "it" : "them"} are sent to it.</p>
        ) : (
          <>
            <p className="mt-4 max-w-prose">The email this link came from was sent to {listPhrase(link.lists)}. Press the button and no more emails from {link.lists.length === 1 ? "it" : "them"} will be sent to this address; any other lists you chose stay as they were.</p>
            <UnsubscribeForm action={unsubscribeByLinkAction} token={value} lists={link.lists} />
          </>
        )}
      </>
    );
  }

  return (
    <>
      <h1 className="text-3xl font-bold text-leaf-900">Unsubscribe from the newsletter</h1>
      {link.alreadyUnsubscribed ? (
        <p className="mt-4 max-w-prose">This address is already unsubscribed: no newsletter emails are sent to it.</p>
      ) : (
        <>
          <p className="mt-4 max-w-prose">Press the button and no more newsletter emails will be sent to this address.</p>
          <UnsubscribeForm action={unsubscribeByLinkAction} token={value} />
        </>
      )}
    </>
  );
}
