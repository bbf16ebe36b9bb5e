import path from "node:path";
import { freePort, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { readEmails, startSmtpReceiver, waitForEmails, type SmtpReceiver } from "../helpers/smtp-receiver";
import { withPortalDb } from "../helpers/portal";

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
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DEMO: "1", EMAIL_RETRY_BASE_MS: "250" };
    const rows = () => withPortalDb((db) => db.prepare("select status, attempts, last_error from email_outbox").all() as OutboxRow[], dataDir);

    portal = await startPortal({ dataDir, env });
    const request = await fetch(`${portal.url}/api/auth/signin/email`, { method: "POST", body: new URLSearchParams({ email: "queue@coop.example" }) });
    expect(request.status).toBe(200);

    // Nothing listens on the SMTP port: the message is tried, kept and scheduled again.
    const deadline = Date.now() + 20_000;
    while ((rows()[0]?.attempts ?? 0) < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(rows()).toEqual([expect.objectContaining({ status: "queued", last_error: expect.stringMatching(/ECONNREFUSED|connect/i) })]);
    expect(rows()[0]!.attempts).toBeGreaterThanOrEqual(2);

    await portal.stop();
    portal = await startPortal({ dataDir, env });
    expect(rows()).toHaveLength(1);

    receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received"), port: smtpPort });
    await waitForEmails(receiver.folder, "queue@coop.example", 1, 60_000);
    await new Promise((r) => setTimeout(r, 3000));
    expect(await readEmails(receiver.folder)).toHaveLength(1);
    expect(rows()).toEqual([expect.objectContaining({ status: "sent" })]);
  });
});
