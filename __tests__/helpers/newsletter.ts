import crypto from "node:crypto";
import { callAction, hasField, scrapeForm, type ActionAnswer } from "./forms";
import { withPortalDb } from "./portal";

/** Newsletter rows written as the portal's own forms would leave them, and a campaign sent the way staff send one. */

/**
 * Subscribers written as the signup would leave them: a confirmed one is on `lists` (by
 * slug; the first list by default), with the confirmation as consent; `owner` gives each
 * address an active ownership, `bounced` marks it refused by its mail server.
 */
export function addSubscribers(
  emails: string[],
  status: "confirmed" | "pending" | "unsubscribed",
  dataDir?: string,
  options: { lists?: string[]; owner?: boolean; bounced?: boolean } = {},
) {
  withPortalDb((db) => {
    const insert = db.prepare("insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at, bounced_at) values (?, ?, ?, ?, ?) returning id");
    const join = db.prepare(
      "insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_at, consent_source) select id, ?, 'subscribed', ?, ?, 'form' from newsletter_lists where slug = ?",
    );
    const user = db.prepare("insert into users (id, email, role, created_at) values (?, ?, 'member', ?) on conflict (email) do update set email = excluded.email returning id");
    // Numbers drawn from the portal's own sequence, as an approval draws them: a number
    // taken around it would leave the sequence below the highest owner, which the settings
    // page (and its test on the same portal) refuses.
    const nextNumber = db.prepare("update owner_number_sequence set next = next + 1 where id = 1 returning next - 1 as number").pluck();
    const insertOwner = db.prepare("insert into owners (owner_number, user_id, name, plan_id, joined_on, status, created_at) values (?, ?, 'Test Owner', 'standard', '2026-01-01', 'active', ?)");
    const owner = { run: (userId: string, at: number) => insertOwner.run(nextNumber.get() as number, userId, at) };
    db.transaction(() => {
      for (const email of emails) {
        const { id } = insert.get(email, status, Date.now(), status === "pending" ? null : Date.now(), options.bounced ? Date.now() : null) as { id: number };
        if (status === "confirmed") for (const slug of options.lists ?? ["news"]) join.run(id, Date.now(), Date.now(), slug);
        if (options.owner) owner.run((user.get(crypto.randomUUID(), email, Date.now()) as { id: string }).id, Date.now());
      }
    })();
  }, dataDir);
}

/** A list written directly (the lists pages are tested with them); returns its id. */
export function addList(slug: string, name: string, audience: "everyone" | "owners", dataDir?: string) {
  return withPortalDb(
    (db) =>
      (db.prepare("insert into newsletter_lists (slug, name, audience, join_by_default, position, created_at, updated_at) values (?, ?, ?, 0, 10, ?, ?) returning id").get(slug, name, audience, Date.now(), Date.now()) as { id: number }).id,
    dataDir,
  );
}

export const listIdOf = (slug: string, dataDir?: string) => (withPortalDb((db) => db.prepare("select id from newsletter_lists where slug = ?").get(slug), dataDir) as { id: number }).id;

/** The campaign form's fields with only `lists` ticked (scrapeForm keeps every box, ticked or not). */
export const onlyLists = (fields: Record<string, string>, listIds: number[]) => ({
  ...Object.fromEntries(Object.entries(fields).filter(([name]) => !name.startsWith("list-"))),
  ...Object.fromEntries(listIds.map((listId) => [`list-${listId}`, "on"])),
});

export const idFrom = (answer: ActionAnswer) => Number(/\/campaigns\/(\d+)\?/.exec((answer as { redirect: string }).redirect)![1]);

/** A draft to the first list (everyone on it), as the form on the page would send it. */
export async function createCampaign(cookie: string, subject: string, markdown: string, dataDir?: string) {
  const create = await scrapeForm("/staff/newsletter/campaigns/new", cookie, hasField("subject"));
  const answer = await callAction("/staff/newsletter/campaigns/new", { ...onlyLists(create, [listIdOf("news", dataDir)]), ownership: "any", subject, markdown }, cookie);
  expect(answer).toEqual({ redirect: expect.stringMatching(/^\/staff\/newsletter\/campaigns\/\d+\?created=1$/) });
  return idFrom(answer);
}

/**
 * A campaign to `listIds`, written and sent through the staff forms; resolves once sending
 * started (the sender queues its emails in the background). Returns the campaign's id.
 */
export async function sendCampaign(staffCookie: string, listIds: number[], subject: string, markdown: string) {
  const form = await scrapeForm("/staff/newsletter/campaigns/new", staffCookie, hasField("subject"));
  const created = await callAction("/staff/newsletter/campaigns/new", { ...onlyLists(form, listIds), ownership: "any", subject, markdown }, staffCookie);
  const id = idFrom(created);
  const page = `/staff/newsletter/campaigns/${id}?confirm=send`;
  const answer = await callAction(page, await scrapeForm(page, staffCookie, hasField("confirm", "yes")), staffCookie);
  if (JSON.stringify(answer) !== JSON.stringify({ redirect: `/staff/newsletter/campaigns/${id}?sending=1` })) throw new Error(`The campaign did not start: ${JSON.stringify(answer)}`);
  return id;
}

/**
 * A campaign email already "sent" to `email` (a subscriber row must exist), written
 * directly: the delivery's token is what its unsubscribe and preference links carry.
 * `sentDaysAgo` dates the email. Returns the raw token.
 */
export function addDeliveryToken(email: string, options: { sentDaysAgo?: number; dataDir?: string } = {}) {
  const token = crypto.randomBytes(32).toString("hex");
  const at = Date.now() - (options.sentDaysAgo ?? 0) * 86_400_000;
  withPortalDb((db) => {
    const slug = `written-${token.slice(0, 12)}`;
    const campaign = db
      .prepare("insert into newsletter_campaigns (slug, subject, markdown, status, created_at, updated_at, send_started_at, sent_at) values (?, 'Written', 'x', 'sent', ?, ?, ?, ?) returning id")
      .pluck()
      .get(slug, at, at, at, at) as number;
    db.prepare("insert into newsletter_campaign_lists (campaign_id, list_id) select ?, list_id from newsletter_list_members m join newsletter_subscribers s on s.id = m.subscriber_id where s.email = ?").run(campaign, email);
    db.prepare("insert into newsletter_deliveries (campaign_id, subscriber_id, unsubscribe_token_hash, status, created_at) select ?, id, ?, 'queued', ? from newsletter_subscribers where email = ?").run(
      campaign,
      crypto.createHash("sha256").update(token).digest("hex"),
      at,
      email,
    );
  }, options.dataDir);
  return token;
}
