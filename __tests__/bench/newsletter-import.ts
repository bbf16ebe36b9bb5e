import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * `npm run bench -- import`: a 10,000-line mailing list imported in process on a fresh
 * database: the preview (read, parse, decide every line against the database) and the
 * import's transaction (each new address a pending subscriber with its lists chosen and its
 * confirmation email queued), against a floor measured in the same run: the same rows
 * written by plain prepared statements in one transaction, with no token, no email
 * rendering and no query builder.
 */
const LINES = 10_000;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function time<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

/** One line in ten bad, one in twenty a repeat, lists by address, by name, or left to the defaults. */
function listFile(prefix: string) {
  const rows = ["email,name,lists"];
  for (let i = 0; i < LINES; i++) {
    if (i % 10 === 3) rows.push(`not-an-address-${i},Reader ${i},news`);
    else if (i % 20 === 7) rows.push(`${prefix}-${i - 1}@bench.example,Again,news`);
    else rows.push(`${prefix}-${i}@bench.example,"Reader, ${i}",${["", "news", "Co-op news|news"][i % 3]}`);
  }
  return `${rows.join("\r\n")}\r\n`;
}

export async function importBenchmark() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coop-bench-import-"));
  process.env.DATA_DIR = dataDir;
  const { db } = await import("@/db");
  const { migrateDatabase } = await import("@/db/cli/migrate");
  const { insertStagedImport } = await import("@/db/queries/newsletter-imports");
  const { importStagedList, previewStagedImport } = await import("@/lib/newsletter/import-list");
  const { storedUploadPath, uploadsFolder } = await import("@/lib/uploads/storage");
  migrateDatabase(db);
  const actor = { id: "bench-staff", email: "bench-staff@coop.example" };
  db.$client.prepare("insert into users (id, email, role, created_at) values (?, ?, 'staff', ?)").run(actor.id, actor.email, Date.now());

  const stage = (id: string, text: string) => {
    fs.mkdirSync(uploadsFolder(), { recursive: true });
    fs.writeFileSync(storedUploadPath(id), text);
    insertStagedImport(db, { id, originalName: "list.csv", sizeBytes: Buffer.byteLength(text) });
  };
  const id = "0".repeat(31) + "1";
  stage(id, listFile("reader"));
  const [preview, previewMs] = time(() => previewStagedImport(id)!);
  const [counts, importMs] = time(() => importStagedList(id, actor));

  // The floor: the same subscribers, list rows and outbox rows, by prepared statements.
  const entries = preview.plan.entries.map((entry) => ({ ...entry, email: entry.email.replace(/^reader-/, "floor-") }));
  const sample = db.$client.prepare("select subject, text, html from email_outbox limit 1").get() as { subject: string; text: string; html: string };
  const [, floorMs] = time(() => {
    const subscriber = db.$client.prepare("insert into newsletter_subscribers (email, first_name, status, confirm_token_hash, confirm_token_expires_at, signed_up_at) values (?, ?, 'pending', ?, ?, ?) returning id").pluck();
    const member = db.$client.prepare("insert into newsletter_list_members (list_id, subscriber_id, status, chosen_at, consent_source) values (?, ?, 'pending', ?, 'import')");
    const outbox = db.$client.prepare(`insert into email_outbox (message_id, "to", subject, text, html, next_try_at, created_at) values (?, ?, ?, ?, ?, ?, ?)`);
    db.$client.transaction(() => {
      const now = Date.now();
      for (const [index, entry] of entries.entries()) {
        const subscriberId = subscriber.get(entry.email, entry.name, `floor-token-${index}`, now, now) as number;
        for (const listId of entry.listIds) member.run(listId, subscriberId, now);
        outbox.run(`<floor-${index}@bench.example>`, entry.email, sample.subject, sample.text, sample.html, now, now);
      }
    }).immediate();
  });

  console.log(`\nNewsletter import, ${LINES.toLocaleString()} lines (${preview.plan.bad.length} bad, ${preview.plan.duplicates.length} repeats, ${counts.imported} new addresses)`);
  console.log(`  preview (read, parse, decide each line)   ${seconds(previewMs)}`);
  console.log(`  import transaction                        ${seconds(importMs)}`);
  console.log(`  floor: same rows by prepared statements   ${seconds(floorMs)}`);
  console.log(`  preview + import: ${seconds(previewMs + importMs)}, ${((previewMs + importMs) / floorMs).toFixed(1)}× the floor (the import alone ${(importMs / floorMs).toFixed(1)}×)`);
  db.$client.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
