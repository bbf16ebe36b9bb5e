import crypto from "node:crypto";
import path from "node:path";
import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { portalUrl, withPortalDb } from "../helpers/portal";
import { copyTemplateInto, mailingPortalEnv, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { startSmtpReceiver, type SmtpReceiver } from "../helpers/smtp-receiver";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitFor } from "../helpers/wait-for";
import { emailsTo, waitForEmail } from "../helpers/wait-for-email";

/*
 * Bounces on a portal of this file's own, which mails through a test SMTP receiver told to
 * refuse some addresses: 550 (for good) or 451 (for now). Retries come fast and two
 * temporary refusals in a row are enough, so the whole story runs in seconds.
 */

jest.setTimeout(180_000);

const run = crypto.randomBytes(4).toString("hex");
const refusals = new Map<string, 550 | 451>();
const names = ["PORTAL_URL", "PORTAL_DATA_DIR", "PORTAL_MAIL_DIR"] as const;
const saved = names.map((name) => process.env[name]);
let portal: RunningPortal | undefined;
let receiver: SmtpReceiver | undefined;
let staff: string;

const gone = `bounce-gone-${run}@coop.example`;
const busy = `bounce-busy-${run}@coop.example`;
const reader = `bounce-reader-${run}@coop.example`;

type SubscriberRow = { id: number; bounced_at: number | null; bounce_reason: string | null; temporary_failures: number };
const subscriberRow = (email: string) =>
  withPortalDb((db) => db.prepare("select id, bounced_at, bounce_reason, temporary_failures from newsletter_subscribers where email = ?").get(email)) as SubscriberRow;

/** Confirmed subscribers on the first list (everyone was moved there when lists came), as double opt-in leaves them. */
function addConfirmedSubscribers(emails: string[]) {
  withPortalDb((db) => {
    const listId = db.prepare("select id from newsletter_lists order by id limit 1").pluck().get() as number;
    const now = Date.now();
    db.transaction(() => {
      for (const email of emails) {
        const id = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at, confirm_ip) values (?, 'confirmed', ?, ?, '192.0.2.1')").run(email, now, now).lastInsertRowid;
        db.prepare(
          "insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_ip, consent_source) values (?, ?, 'subscribed', ?, ?, '192.0.2.1', 'form')",
        ).run(listId, id, now, now);
      }
    })();
  });
}

/**
 * A campaign on its way out, as starting a send leaves it (to the first list, everyone on
 * it): the portal's campaign sender picks it up within a second.
 */
function sendCampaign(subject: string) {
  return withPortalDb((db) => {
    const listId = db.prepare("select id from newsletter_lists order by id limit 1").pluck().get() as number;
    const now = Date.now();
    const id = Number(
      db
        .prepare("insert into newsletter_campaigns (slug, subject, markdown, status, created_at, updated_at, send_started_at) values (?, ?, 'Hello.', 'sending', ?, ?, ?)")
        .run(`${subject.toLowerCase().replace(/\W+/g, "-")}`, subject, now, now, now).lastInsertRowid,
    );
    db.prepare("insert into newsletter_campaign_lists (campaign_id, list_id) values (?, ?)").run(id, listId);
    return id;
  });
}
const campaignStatus = (id: number) => withPortalDb((db) => db.prepare("select status from newsletter_campaigns where id = ?").pluck().get(id)) as string;

beforeAll(async () => {
  const dataDir = temporaryDataDir("bounces");
  copyTemplateInto(dataDir);
  receiver = await startSmtpReceiver({ folder: path.join(dataDir, "received-mail"), refusals });
  Object.assign(process.env, { PORTAL_DATA_DIR: dataDir, PORTAL_MAIL_DIR: receiver.folder });
  portal = await startPortal({ dataDir, env: mailingPortalEnv(receiver.port, { EMAIL_RETRY_BASE_MS: "50", BOUNCE_AFTER_TEMPORARY_FAILURES: "2" }) });
  process.env.PORTAL_URL = portal.url;
  staff = storedSessionCookie(`bounce-staff-${run}@coop.example`, "staff");
  addConfirmedSubscribers([gone, busy, reader]);
}, 15 * 60_000);

afterAll(async () => {
  names.forEach((name, index) => {
    if (saved[index] === undefined) delete process.env[name];
    else process.env[name] = saved[index];
  });
  await portal?.stop();
  await receiver?.stop();
});

describe("an address the mail server refuses for good", () => {
  it("is marked bounced with the server's words once a campaign copy is refused with 550", async () => {
    refusals.set(gone, 550);
    const id = sendCampaign(`First news ${run}`);
    await waitForEmail(reader, (email) => email.subject === `First news ${run}`);
    await waitFor("the refused address marked bounced", () => subscriberRow(gone).bounced_at !== null);
    expect(subscriberRow(gone).bounce_reason).toBe("550 5.1.1 No such mailbox here");
    await waitFor("the campaign sent", () => campaignStatus(id) === "sent");
  });

  it("gets nothing from the next campaign, which still reaches the others", async () => {
    refusals.delete(gone); // the server would take it now: only the bounce keeps the copy back
    const id = sendCampaign(`Second news ${run}`);
    await waitForEmail(reader, (email) => email.subject === `Second news ${run}`);
    await waitFor("the campaign sent", () => campaignStatus(id) === "sent");
    // Its copy, if one was queued at all, failed as bounced without leaving.
    await waitFor(
      "no copy of it left waiting",
      () =>
        withPortalDb((db) =>
          db
            .prepare("select count(*) from newsletter_deliveries d join email_outbox e on e.id = d.email_id where d.campaign_id = ? and e.status in ('queued', 'sending')")
            .pluck()
            .get(id),
        ) === 0,
    );
    expect((await emailsTo(gone)).map((email) => email.subject)).toEqual([]);
  });

  it("shows on the staff subscribers page, where staff clear it; mail then goes to it again", async () => {
    // React marks where text and values meet with empty comments; the reader sees neither.
    const html = (await (await fetch(portalUrl("/staff/newsletter/subscribers"), { headers: { Cookie: staff } })).text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Addresses that bounce (1)");
    expect(html).toContain("550 5.1.1 No such mailbox here");

    const form = await scrapeForm("/staff/newsletter/subscribers", staff, (each) => hasField("subscriberId")(each) && (each.textContent ?? "").includes(`the bounce of ${gone}`));
    const answer = await callAction("/staff/newsletter/subscribers", form, staff);
    expect(answer).toMatchObject({ ok: true, data: { cleared: true } });
    expect(subscriberRow(gone)).toMatchObject({ bounced_at: null, bounce_reason: null, temporary_failures: 0 });
    const audited = withPortalDb((db) => db.prepare("select count(*) from audit_log where action = 'newsletter_subscriber.clear_bounce' and subject_id = ?").pluck().get(String(subscriberRow(gone).id)));
    expect(audited).toBe(1);

    sendCampaign(`Third news ${run}`);
    await waitForEmail(gone, (email) => email.subject === `Third news ${run}`);
  });
});

describe("an address the mail server keeps refusing for now", () => {
  it("is marked bounced after BOUNCE_AFTER_TEMPORARY_FAILURES refusals in a row, and its copy stops being retried", async () => {
    refusals.set(busy, 451);
    const id = sendCampaign(`Fourth news ${run}`);
    await waitForEmail(reader, (email) => email.subject === `Fourth news ${run}`);
    await waitFor("the busy address marked bounced", () => subscriberRow(busy).bounced_at !== null);
    expect(subscriberRow(busy)).toMatchObject({ temporary_failures: 2, bounce_reason: "451 4.2.1 Mailbox busy, try again later (2 temporary failures in a row)" });
    const copy = withPortalDb((db) =>
      db
        .prepare("select e.status, e.attempts from newsletter_deliveries d join email_outbox e on e.id = d.email_id join newsletter_subscribers s on s.id = d.subscriber_id where d.campaign_id = ? and s.email = ?")
        .get(id, busy),
    );
    expect(copy).toEqual({ status: "failed", attempts: 2 });
  });
});
