import path from "node:path";
import { freePort, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { withPortalDb } from "../helpers/portal";
import { startSmtpReceiver, type SmtpReceiver } from "../helpers/smtp-receiver";
import { waitFor } from "../helpers/wait-for";
import { readMailbox } from "../helpers/wait-for-email";

jest.setTimeout(180_000);

type OutboxRow = { status: string; attempts: number; last_error: string | null };

describe("the email queue", () => {
  let portal: RunningPortal | undefined;
  let receiver: SmtpReceiver | undefined;
  afterEach(async () => {
    await portal?.stop();
    await receiver?.stop();
  });

  it("keeps a message while the SMTP server is down, across a restart, and delivers it exactly once when it is back", async () => {
    const dataDir = temporaryDataDir("queue");
    const smtpPort = await freePort();
    // A stop may catch the message mid-attempt, claimed: a short lease lets the restarted
    // server take it over within seconds rather than the default two minutes.
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DEMO: "1", EMAIL_RETRY_BASE_MS: "250", EMAIL_LEASE_MS: "2000" };
    const rows = () => withPortalDb((db) => db.prepare("select status, attempts, last_error from email_outbox").all() as OutboxRow[], dataDir);

    portal = await startPortal({ dataDir, env });
    const request = await fetch(`${portal.url}/api/auth/signin/email`, { method: "POST", body: new URLSearchParams({ email: "queue@coop.example" }) });
    expect(request.status).toBe(200);

    // Nothing listens on the SMTP port: the message is tried, kept and scheduled again.
    await waitFor("a second attempt, failed and scheduled again", () => (rows()[0]?.attempts ?? 0) >= 2 && rows()[0]?.status === "queued", 20_000, 20);
    expect(rows()).toEqual([expect.objectContaining({ status: "queued", last_error: expect.stringMatching(/ECONNREFUSED|connect/i) })]);
    expect(rows()[0]!.attempts).toBeGreaterThanOrEqual(2);

    await portal.stop();
    portal = await startPortal({ dataDir, env });
    expect(rows()).toHaveLength(1);

    receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received"), port: smtpPort });
    // Once its row says sent, no worker takes the message again: what arrived by then is all that ever will.
    await waitFor("the message to be marked sent", () => rows()[0]?.status === "sent", 60_000);
    expect(rows()).toEqual([expect.objectContaining({ status: "sent" })]);
    expect((await readMailbox(receiver.folder)).map((email) => email.to)).toEqual(["queue@coop.example"]);
  });
});
