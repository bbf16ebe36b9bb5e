import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import type { Env } from "@/lib/env";

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

function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(email) {
      await transporter.sendMail(toMailOptions(email, from));
    },
  };
}

const linkPattern = /https?:\/\/[^\s<>"]+/g;

/**
 * With no SMTP server configured, each message is written as an RFC 5322 .eml file
 * under DATA_DIR/outbox, and its recipient, subject and links are printed to the log
 * so that sign-in works on a laptop with no mail setup.
 */
function outboxTransport(folder: string, from: string): EmailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(email) {
      const info = await composer.sendMail(toMailOptions(email, from));
      fs.mkdirSync(folder, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${email.messageId.replace(/[^a-zA-Z0-9-]/g, "").slice(0, 36)}.eml`;
      const temporary = path.join(folder, `.${name}.tmp`);
      fs.writeFileSync(temporary, info.message as Buffer);
      fs.renameSync(temporary, path.join(folder, name));
      const links = [...new Set(email.text.match(linkPattern) ?? [])];
      console.log(
        [`[outbox] To: ${email.to}`, `[outbox] Subject: ${email.subject}`, ...links.map((link) => `[outbox] Link: ${link}`), `[outbox] Saved: ${path.join(folder, name)}`].join("\n"),
      );
    },
  };
}

export function createEmailTransport(env: Env): EmailTransport {
  return env.smtpUrl ? smtpTransport(env.smtpUrl, env.mailFrom) : outboxTransport(path.join(env.dataDir, "outbox"), env.mailFrom);
}
