import path from "node:path";
import { portalMailDir } from "./portal";
import { emailFiles, readEmail, type ReceivedEmail } from "./smtp-receiver";

/**
 * Messages already parsed, by file path. A stored .eml file never changes (the receiver
 * and the outbox both write a hidden file and rename it), so each is parsed once: a
 * shared receiver holds hundreds of messages by the end of a run.
 */
const parsed = new Map<string, ReceivedEmail>();

export type MailOptions = {
  /** The folder of .eml files: the portal's (PORTAL_MAIL_DIR, else its outbox) unless given. */
  folder?: string;
  /** How long to wait: a minute unless given (mail queued behind a campaign or a burst of forms takes a while). */
  timeoutMs?: number;
};

/** Every message in the folder now, oldest first (a message maintenance deleted is gone from it). */
export async function readMailbox(folder = portalMailDir()): Promise<ReceivedEmail[]> {
  const messages: ReceivedEmail[] = [];
  for (const file of emailFiles(folder)) {
    const key = path.join(folder, file);
    if (!parsed.has(key)) parsed.set(key, await readEmail(folder, file));
    messages.push(parsed.get(key)!);
  }
  return messages;
}

/** The messages to `to` in the folder now, oldest first. */
export async function emailsTo(to: string, folder?: string) {
  return (await readMailbox(folder)).filter((email) => email.to === to);
}

/** Reads the folder every 100 ms until `found` returns something, and resolves with it. */
async function pollMailbox<T>(waitingFor: string, found: (mailbox: ReceivedEmail[]) => T | undefined, options: MailOptions): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = found(await readMailbox(options.folder));
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${waitingFor}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until at least `count` messages to `to` (those `match` accepts, if given) have
 * arrived; resolves with all of them, oldest first.
 */
export function waitForEmails(to: string, count: number, options: MailOptions & { match?: (email: ReceivedEmail) => boolean } = {}) {
  return pollMailbox(
    `${count} email(s) to ${to}`,
    (mailbox) => {
      const mine = mailbox.filter((email) => email.to === to && (options.match?.(email) ?? true));
      return mine.length >= count ? mine : undefined;
    },
    options,
  );
}

/**
 * Waits for a message to `to` that `match` accepts, and resolves with the oldest such.
 * `after`: skip the first that many messages to `to` (count them with `emailsTo` before
 * the step that sends), so that only a new message counts.
 */
export function waitForEmail(to: string, match: (email: ReceivedEmail) => boolean = () => true, options: MailOptions & { after?: number } = {}) {
  return pollMailbox(
    `an email to ${to} that matches`,
    (mailbox) =>
      mailbox
        .filter((email) => email.to === to)
        .slice(options.after ?? 0)
        .find(match),
    options,
  );
}
