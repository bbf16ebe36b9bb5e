import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpReceiver = { port: number; folder: string; stop: () => Promise<void> };

/**
 * A real SMTP server (the smtp-server package) on loopback that stores every message it
 * accepts as an .eml file in `folder`, so tests in any process can read what arrived.
 * `delayMs` holds each message that long before storing and accepting it: a slow server,
 * so that a test can stop the sender half-way through a large send. `refusals` maps a
 * (lowercased) address to the code its RCPT TO is answered with, 550 (refused for good) or
 * 451 (try later); the test may change it while the receiver runs.
 */
export function startSmtpReceiver(options: { folder: string; port?: number; delayMs?: number; refusals?: Map<string, 550 | 451> }): Promise<SmtpReceiver> {
  fs.mkdirSync(options.folder, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = options.refusals?.get(address.address.toLowerCase());
      if (!code) return callback();
      const refusal = Object.assign(new Error(code === 550 ? "5.1.1 No such mailbox here" : "4.2.1 Mailbox busy, try again later"), { responseCode: code });
      callback(refusal);
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const name = `${Date.now()}-${process.pid}-${++count}.eml`;
        fs.writeFileSync(path.join(options.folder, `.${name}`), Buffer.concat(chunks));
        fs.renameSync(path.join(options.folder, `.${name}`), path.join(options.folder, name));
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    let listening = false;
    // Before listening, an error means no receiver; after, it is a sender's connection
    // dying (ECONNRESET when a test SIGKILLs the portal mid-message), which a mail server
    // shrugs off. Unheard, it would crash the test process.
    server.on("error", (error) => {
      if (!listening) reject(error);
    });
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      listening = true;
      const { port } = server.server.address() as { port: number };
      resolve({
        port,
        folder: options.folder,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

export type ReceivedEmail = {
  file: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Every header as sent (unfolded), by lowercased name; the last one wins if repeated. */
  headers: Record<string, string>;
};

/** The names of the complete .eml files in a folder, oldest first. */
export function emailFiles(folder: string) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((name) => name.endsWith(".eml") && !name.startsWith(".")).sort();
}

/** One stored message, parsed. */
export async function readEmail(folder: string, file: string): Promise<ReceivedEmail> {
  const parsed = await simpleParser(fs.readFileSync(path.join(folder, file)));
  const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
  return {
    file,
    to: to ?? "",
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : "",
    messageId: parsed.messageId ?? "",
    headers: Object.fromEntries(parsed.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).replace(/\r?\n(?=[ \t])/g, "").trim()])),
  };
}
