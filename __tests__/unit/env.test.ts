import path from "node:path";
import { ConfigurationError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("works with nothing set: port 3000, ./data, localhost site URL, demo mode", () => {
    const env = parseEnv({});
    expect(env.port).toBe(3000);
    expect(env.dataDir).toBe(path.resolve("data"));
    expect(env.siteUrl).toBe("http://localhost:3000");
    expect(env.demo).toBe(true);
  });

  it("derives the site URL from PORT and treats empty variables as unset", () => {
    expect(parseEnv({ PORT: "8080", SITE_URL: "" }).siteUrl).toBe("http://localhost:8080");
  });

  it("trusts no proxy by default: the socket's peer is the client", () => {
    expect(parseEnv({}).trustProxy).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
  });

  it("keeps 14 backups and looks for the daily maintenance every 10 minutes unless told otherwise", () => {
    expect(parseEnv({})).toMatchObject({ backupKeep: 14, maintenanceCheckMs: 600_000 });
    expect(parseEnv({ BACKUP_KEEP: "30", MAINTENANCE_CHECK_MS: "60000" })).toMatchObject({ backupKeep: 30, maintenanceCheckMs: 60_000 });
    expect(parseEnv({ ELECTION_CHECK_MS: "1000" })).toMatchObject({ electionCheckMs: 1000 });
    expect(parseEnv({})).toMatchObject({ electionCheckMs: 60_000 });
  });

  it("caps each public form at 300 uses an hour from all senders together unless told otherwise", () => {
    expect(parseEnv({}).publicFormLimitTotalPerHour).toBe(300);
    expect(parseEnv({ PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR: "50" }).publicFormLimitTotalPerHour).toBe(50);
  });

  it("keeps sent mail 30 days and declined owner applications 365 days unless told otherwise", () => {
    expect(parseEnv({})).toMatchObject({ outboxKeepDays: 30, declinedApplicationKeepDays: 365 });
    expect(parseEnv({ OUTBOX_KEEP_DAYS: "7", DECLINED_APPLICATION_KEEP_DAYS: "90" })).toMatchObject({ outboxKeepDays: 7, declinedApplicationKeepDays: 90 });
  });

  it("lets uploads take 2 GB together unless told otherwise", () => {
    expect(parseEnv({}).uploadQuotaBytes).toBe(2048 * 1024 * 1024);
    expect(parseEnv({ UPLOAD_QUOTA_MB: "500" }).uploadQuotaBytes).toBe(500 * 1024 * 1024);
  });

  it("counts an address bounced after 5 temporary refusals in a row unless told otherwise", () => {
    expect(parseEnv({}).bounceAfterTemporaryFailures).toBe(5);
    expect(parseEnv({ BOUNCE_AFTER_TEMPORARY_FAILURES: "2" }).bounceAfterTemporaryFailures).toBe(2);
  });

  it("leaves a message being sent with its worker for 2 minutes unless told otherwise", () => {
    expect(parseEnv({}).emailLeaseMs).toBe(120_000);
    expect(parseEnv({ EMAIL_LEASE_MS: "5000" }).emailLeaseMs).toBe(5000);
  });

  it("turns demo mode off by default when SMTP_URL is set", () => {
    expect(parseEnv({ SMTP_URL: "smtp://mail.example:25" }).demo).toBe(false);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["SITE_URL", "not a url"],
    ["SITE_URL", "ftp://coop.example"],
    ["SMTP_URL", "http://mail.example"],
    ["DEMO", "yes"],
    ["NEXTAUTH_SECRET", "short"],
    ["OUTBOX_KEEP_DAYS", "0"],
    ["DECLINED_APPLICATION_KEEP_DAYS", "a year"],
    ["TRUST_PROXY", "-1"],
    ["TRUST_PROXY", "yes"],
    ["BACKUP_KEEP", "0"],
    ["BACKUP_KEEP", "many"],
    ["MAINTENANCE_CHECK_MS", "10"],
    ["ELECTION_CHECK_MS", "10"],
    ["EMAIL_LEASE_MS", "0"],
    ["EMAIL_LEASE_MS", "2 minutes"],
    ["PUBLIC_FORM_LIMIT_TOTAL_PER_HOUR", "0"],
    ["UPLOAD_QUOTA_MB", "0"],
    ["UPLOAD_QUOTA_MB", "2 GB"],
    ["BOUNCE_AFTER_TEMPORARY_FAILURES", "0"],
    ["BOUNCE_AFTER_TEMPORARY_FAILURES", "five"],
  ])("rejects %s=%s naming the variable", (variable, value) => {
    expect(() => parseEnv({ [variable]: value })).toThrow(ConfigurationError);
    try {
      parseEnv({ [variable]: value });
    } catch (error) {
      expect((error as ConfigurationError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
    }
  });

  it("refuses production without demo mode unless mail and a public site URL are set", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DEMO: "0" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ NODE_ENV: "production", DEMO: "0", SMTP_URL: "smtp://mail.example" })).toThrow(/SITE_URL/);
    expect(parseEnv({ NODE_ENV: "production", DEMO: "0", OUTBOX_OK: "1" }).demo).toBe(false);
    expect(
      parseEnv({ NODE_ENV: "production", DEMO: "0", SMTP_URL: "smtp://mail.example", SITE_URL: "https://coop.example/" })
        .siteUrl,
    ).toBe("https://coop.example");
  });
});
