import path from "node:path";
import { z } from "zod";

/** An empty variable means "not set", as shells and .env files often leave them. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const flag = z.enum(["0", "1"], { error: "expected 0 or 1" });

/** A whole number in [min, max]; every way of missing it gets the same message. */
const wholeNumber = (min: number, max: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const envSchema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  PORT: optional(wholeNumber(1, 65535, "expected a port number from 1 to 65535")),
  DATA_DIR: optional(z.string()),
  SITE_URL: optional(z.url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://coop.example" })),
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "expected an smtp:// or smtps:// URL" })),
  MAIL_FROM: optional(z.string().min(3)),
  DEMO: optional(flag),
  OUTBOX_OK: optional(flag),
  NEXTAUTH_SECRET: optional(z.string().min(32, { error: "expected at least 32 characters" })),
  EMAIL_RETRY_BASE_MS: optional(z.coerce.number({ error: "expected milliseconds" }).int().min(10).max(3_600_000)),
  EMAIL_LEASE_MS: optional(wholeNumber(1000, 3_600_000, "expected milliseconds from 1000 to 3600000")),
  SIGNIN_LIMIT_PER_IP: optional(z.coerce.number({ error: "expected a whole number" }).int().min(1).max(100_000)),
  PUBLIC_FORM_LIMIT_PER_IP: optional(wholeNumber(1, 100_000, "expected a whole number from 1 to 100000")),
  PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: optional(wholeNumber(1, 1_000_000, "expected a whole number from 1 to 1000000")),
  TRUST_PROXY: optional(wholeNumber(0, 10, "expected the number of reverse proxies in front of the portal (0 to 10)")),
  BACKUP_KEEP: optional(wholeNumber(1, 1000, "expected how many backups to keep, from 1 to 1000")),
  MAINTENANCE_CHECK_MS: optional(wholeNumber(100, 86_400_000, "expected milliseconds from 100 to 86400000")),
  ELECTION_CHECK_MS: optional(wholeNumber(100, 3_600_000, "expected milliseconds from 100 to 3600000")),
  OUTBOX_KEEP_DAYS: optional(wholeNumber(1, 3650, "expected a number of days from 1 to 3650")),
  DECLINED_APPLICATION_KEEP_DAYS: optional(wholeNumber(1, 3650, "expected a number of days from 1 to 3650")),
  UPLOAD_QUOTA_MB: optional(wholeNumber(1, 10_000_000, "expected the megabytes all uploaded files may take together, a whole number from 1")),
  BOUNCE_AFTER_TEMPORARY_FAILURES: optional(wholeNumber(1, 1000, "expected a whole number of failures from 1 to 1000")),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  port: number;
  /** Absolute path holding coop.db, outbox/, uploads/, backups/. */
  dataDir: string;
  /** Absolute origin for links in email, feeds, sitemap and JSON-LD; no trailing slash. */
  siteUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Seed demo content and accounts on an empty database. */
  demo: boolean;
  nextAuthSecret: string | undefined;
  /** First retry delay of the email queue; doubles with each failed attempt. */
  emailRetryBaseMs: number;
  /**
   * How long a message claimed for sending stays with its worker: one left "sending" by a
   * worker that died (a crash, a kill) goes again once this has passed. Longer than any
   * one SMTP send, so that a slow send is never taken over and sent twice.
   */
  emailLeaseMs: number;
  /** Sign-in links one IP address may request per 15 minutes. */
  signInLimitPerIp: number;
  /** Applications (owners, jobs) and newsletter signups one IP address may send per hour. */
  publicFormLimitPerIp: number;
  /** Uses of each public form (owner and job applications, newsletter signup, sign-in links) per hour from all senders together. */
  publicFormLimitTotalPerHour: number;
  /** Reverse proxies in front of the portal that append to X-Forwarded-For; 0: the socket's peer is the client. */
  trustProxy: number;
  /** How many backups DATA_DIR/backups/ keeps; older ones are removed after each new one. */
  backupKeep: number;
  /** How often the server looks whether a day has passed since its maintenance last ran. */
  maintenanceCheckMs: number;
  /** How often the server opens elections whose window has begun and closes (and counts) those whose window has ended. */
  electionCheckMs: number;
  /** Days a sent or failed email keeps its content in the outbox (and its .eml file) before maintenance clears it. */
  outboxKeepDays: number;
  /** Days after staff decline an owner application before maintenance deletes it with its household and mail. */
  declinedApplicationKeepDays: number;
  /** The bytes all stored uploads (résumés, Rutabaga Rap issues) may take together; a new one past it is refused. */
  uploadQuotaBytes: number;
  /** Temporary refusals in a row (4xx to RCPT or DATA) after which a newsletter subscriber's address counts as bounced. */
  bounceAfterTemporaryFailures: number;
};

export class ConfigurationError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigurationError";
  }
}

function isLocalOrigin(url: string) {
  const { hostname } = new URL(url);
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/**
 * Parses the environment once. A bad value throws a ConfigurationError naming the
 * variable, so the server stops at start rather than failing on the first request.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigurationError(variable, `${issue.message} (got ${JSON.stringify(source[variable] ?? "")})`);
  }
  const raw = parsed.data;
  const port = raw.PORT ?? 3000;
  const siteUrl = (raw.SITE_URL ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const demo = raw.DEMO ? raw.DEMO === "1" : !raw.SMTP_URL;
  const nodeEnv = raw.NODE_ENV ?? "development";

  if (nodeEnv === "production" && !demo && raw.OUTBOX_OK !== "1") {
    if (!raw.SMTP_URL) {
      throw new ConfigurationError("SMTP_URL", "required in production with DEMO=0 (or set OUTBOX_OK=1 to keep mail in the outbox)");
    }
    if (isLocalOrigin(siteUrl)) {
      throw new ConfigurationError("SITE_URL", "required in production with DEMO=0: the public address links in email point to");
    }
  }

  return {
    nodeEnv,
    port,
    // The data folder is chosen at run time; it is not part of the build output to trace.
    dataDir: path.resolve(/*turbopackIgnore: true*/ raw.DATA_DIR ?? "data"),
    siteUrl,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM ?? `Co-op portal <no-reply@${new URL(siteUrl).hostname}>`,
    demo,
    nextAuthSecret: raw.NEXTAUTH_SECRET,
    emailRetryBaseMs: raw.EMAIL_RETRY_BASE_MS ?? 30_000,
    emailLeaseMs: raw.EMAIL_LEASE_MS ?? 2 * 60_000,
    signInLimitPerIp: raw.SIGNIN_LIMIT_PER_IP ?? 20,
    publicFormLimitPerIp: raw.PUBLIC_FORM_LIMIT_PER_IP ?? 10,
    publicFormLimitTotalPerHour: raw.PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR ?? 300,
    trustProxy: raw.TRUST_PROXY ?? 0,
    backupKeep: raw.BACKUP_KEEP ?? 14,
    maintenanceCheckMs: raw.MAINTENANCE_CHECK_MS ?? 10 * 60_000,
    electionCheckMs: raw.ELECTION_CHECK_MS ?? 60_000,
    outboxKeepDays: raw.OUTBOX_KEEP_DAYS ?? 30,
    declinedApplicationKeepDays: raw.DECLINED_APPLICATION_KEEP_DAYS ?? 365,
    uploadQuotaBytes: (raw.UPLOAD_QUOTA_MB ?? 2048) * 1024 * 1024,
    bounceAfterTemporaryFailures: raw.BOUNCE_AFTER_TEMPORARY_FAILURES ?? 5,
  };
}

let cached: Env | undefined;

/** The parsed environment of this process. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
