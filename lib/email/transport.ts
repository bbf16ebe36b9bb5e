import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";
import { outboxFileName } from "./outbox-files";

export type OutgoingEmail = {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export interface EmailTransport {
  /** Resolves once the message is accepted; rejects when it is not (the queue retries). */
  send(email: OutgoingEmail): Promise<void>;
}

function toMailOptions(email: OutgoingEmail, from: string) {
  return {
    from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    messageId: email.messageId,
  };
}

/** Connections kept open to the SMTP server: one TLS handshake per connection, not per message. */
export const SMTP_CONNECTIONS = 3;

function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  // nodemailer reads transport options from the URL's query; an operator's own pool settings there win.
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", String(SMTP_CONNECTIONS));
  const transporter = nodemailer.createTransport(url.toString());
  return {
    async send(email) {
      await transporter.sendMail(toMailOptions(email, from));
    },
  };
}

const linkPattern = /https?:\/\/[^\s<>"]+/g;

/**
 * With no SMTP server configured, each message is written as an RFC 5322 .eml file
 * under DATA_DIR/outbox. In demo or development mode its recipient, subject and links
 * are printed to the log, so that sign-in works on a laptop with no mail setup; in
 * production (OUTBOX_OK=1) only the file is named: a link in a log is a key to an account
 * for anyone who can read the log, and an address there is personal data.
 */
function outboxTransport(folder: string, from: string, printLinks: boolean): EmailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(email) {
      const info = await composer.sendMail(toMailOptions(email, from));
      fs.mkdirSync(folder, { recursive: true });
      const name = outboxFileName(email.messageId, new Date());
      const temporary = path.join(folder, `.${name}.tmp`);
      fs.writeFileSync(temporary, info.message as Buffer);
      fs.renameSync(temporary, path.join(folder, name));
      const saved = `[outbox] Saved: ${path.join(folder, name)}`;
      if (!printLinks) return console.log(saved);
      const links = [...new Set(email.text.match(linkPattern) ?? [])];
      console.log(
        [`[outbox] To: ${email.to}`, `[outbox] Subject: ${email.subject}`, ...links.map((link) => `[outbox] Link: ${link}`), saved].join("\n"),
      );
    },
  };
}

export function createEmailTransport(env: Pick<Env, "smtpUrl" | "mailFrom" | "dataDir" | "demo" | "nodeEnv">): EmailTransport {
  if (env.smtpUrl) return smtpTransport(env.smtpUrl, env.mailFrom);
  return outboxTransport(path.join(env.dataDir, "outbox"), env.mailFrom, env.demo || env.nodeEnv === "development");
}
