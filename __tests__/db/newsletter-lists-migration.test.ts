import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { migrateDatabase, migrationsFolder } from "@/db/cli/migrate";

/*
 * The migration that brought lists (0017) moves the single newsletter's subscribers onto
 * the first list as they stood. Checked on a database made by the migrations before it,
 * holding a subscriber in each state and a sent campaign.
 */

const LISTS_MIGRATION = "0017_newsletter_lists";

/** A copy of the migrations folder that stops before `tag`. */
function migrationsBefore(tag: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "coop-migrations-"));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { idx: number; tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  for (const entry of journal.entries.slice(cut)) fs.rmSync(path.join(folder, `${entry.tag}.sql`));
  fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return folder;
}

it("puts every subscriber on the first list as they stood, with their consent, and every campaign so far to it", () => {
  const folder = migrationsBefore(LISTS_MIGRATION);
  const database = openDatabase(path.join(folder, "old.db"));
  migrateDatabase(database, folder);
  const sqlite = database.$client;
  const day = (n: number) => Date.UTC(2026, 0, n);
  const subscribe = sqlite.prepare(
    "insert into newsletter_subscribers (email, status, signed_up_at, confirmed_at, confirm_ip, unsubscribed_at) values (?, ?, ?, ?, ?, ?)",
  );
  const confirmed = Number(subscribe.run("confirmed@example.org", "confirmed", day(1), day(2), "192.0.2.7", null).lastInsertRowid);
  const fromAccount = Number(subscribe.run("account@example.org", "confirmed", day(3), day(3), null, null).lastInsertRowid);
  const waiting = Number(subscribe.run("waiting@example.org", "pending", day(4), null, null, null).lastInsertRowid);
  const left = Number(subscribe.run("left@example.org", "unsubscribed", day(5), day(6), "192.0.2.8", day(9)).lastInsertRowid);
  const campaign = Number(
    sqlite.prepare("insert into newsletter_campaigns (subject, markdown, status, created_at, updated_at) values ('Spring', 'Hello', 'sent', ?, ?)").run(day(7), day(7)).lastInsertRowid,
  );

  migrateDatabase(database);

  const list = sqlite.prepare("select id, slug, audience, join_by_default from newsletter_lists").all();
  expect(list).toEqual([{ id: expect.any(Number), slug: "news", audience: "everyone", join_by_default: 1 }]);
  const members = sqlite
    .prepare("select subscriber_id, status, chosen_at, consent_at, consent_ip, consent_source, left_at from newsletter_list_members order by subscriber_id")
    .all();
  expect(members).toEqual([
    { subscriber_id: confirmed, status: "subscribed", chosen_at: day(1), consent_at: day(2), consent_ip: "192.0.2.7", consent_source: "form", left_at: null },
    { subscriber_id: fromAccount, status: "subscribed", chosen_at: day(3), consent_at: day(3), consent_ip: null, consent_source: "account", left_at: null },
    { subscriber_id: waiting, status: "pending", chosen_at: day(4), consent_at: null, consent_ip: null, consent_source: "form", left_at: null },
    { subscriber_id: left, status: "left", chosen_at: day(5), consent_at: day(6), consent_ip: "192.0.2.8", consent_source: "form", left_at: day(9) },
  ]);
  expect(sqlite.prepare("select campaign_id from newsletter_campaign_lists").pluck().all()).toEqual([campaign]);
  sqlite.close();
  fs.rmSync(folder, { recursive: true, force: true });
});
