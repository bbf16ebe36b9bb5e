import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getOutboxEmail } from "@/db/queries/email";
import { recordPersonalDataView } from "@/lib/audit/record-view";
import { requirePageRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/model/format";

export const metadata: Metadata = { title: "Email message" };

type Props = { params: Promise<{ id: string }> };

/** Links that act for whoever opens them (sign in, confirm, unsubscribe): an admin sees that one was sent, not the link. */
function withSecretLinksHidden(text: string) {
  return text.replace(/https?:\/\/\S*[?&]token=\S+/g, "[personal link hidden: it works for whoever opens it]");
}

/** One queued or sent message as the portal sends it (plain-text part), for tracing a delivery. */
export default async function OutboxMessagePage({ params }: Props) {
  const { id } = await params;
  const admin = await requirePageRole("admin", `/staff/outbox/${id}`);
  const message = /^\d{1,12}$/.test(id) ? getOutboxEmail(Number(id)) : null;
  if (!message) notFound();
  await recordPersonalDataView(admin, { action: "email.view", subjectType: "email", subjectId: String(message.id) });
  return (
    <>
      <p className="text-sm">
        <Link prefetch={false} href="/staff/outbox">
          Outbox
        </Link>{" "}
        › Message {message.id}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-leaf-900">{message.subject}</h1>
      <dl className="mt-6 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">To</dt>
        <dd>{message.to}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>
          {message.status}, {message.attempts} {message.attempts === 1 ? "attempt" : "attempts"}
          {message.lastError && <> (last error: {message.lastError})</>}
        </dd>
        <dt className="font-semibold">Queued</dt>
        <dd>{formatDateTime(message.createdAt)}</dd>
        <dt className="font-semibold">Sent</dt>
        <dd>{message.sentAt ? formatDateTime(message.sentAt) : "not yet"}</dd>
        <dt className="font-semibold">Message-ID</dt>
        <dd className="break-all">{message.messageId}</dd>
      </dl>
      <h2 className="mt-8 text-xl font-bold text-leaf-900">Text</h2>
      <pre className="mt-2 max-w-3xl whitespace-pre-wrap break-words rounded-md border border-leaf-100 bg-white p-4 text-sm">{message.redactAfter ? withSecretLinksHidden(message.text) : message.text}</pre>
    </>
  );
}
