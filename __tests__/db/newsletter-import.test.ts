import fs from "node:fs";
import { db } from "@/db";
import { insertStagedImport } from "@/db/queries/newsletter-imports";
import { newsletterSubscribers, uploads, users } from "@/db/schema";
import { runMaintenance } from "@/lib/maintenance/run-maintenance";
import { importStagedList, previewStagedImport } from "@/lib/newsletter/import-list";
import { storedUploadPath, uploadsFolder } from "@/lib/uploads/storage";

// A staged list file waits at most 24 hours; an imported address that never confirms goes
// after 7 days, as a signup does. The daily maintenance, its clock moved on, keeps both.

const HOUR_MS = 3_600_000;
const start = Date.now();
const staff = { id: "import-staff", email: "import-staff@coop.example" };

function stage(id: string, text: string, at: Date) {
  fs.mkdirSync(uploadsFolder(), { recursive: true });
  fs.writeFileSync(storedUploadPath(id), text);
  insertStagedImport(db, { id, originalName: "list.csv", sizeBytes: text.length }, at);
}
const maintain = (hoursOn: number) => runMaintenance(db, { dataDir: process.env.DATA_DIR!, backupKeep: 1, trigger: "command", now: new Date(start + hoursOn * HOUR_MS) });

beforeAll(() => {
  db.insert(users).values({ id: staff.id, email: staff.email, role: "staff" }).run();
});

it("a staged file not imported is deleted, row and file, once it is 24 hours old, and not before", async () => {
  const id = "a".repeat(32);
  stage(id, "email\r\nwaiting@example.org\r\n", new Date(start));
  expect((await maintain(23)).stagedImportsDeleted).toBe(0);
  expect(previewStagedImport(id)?.plan.entries).toHaveLength(1);
  expect((await maintain(25)).stagedImportsDeleted).toBe(1);
  expect(db.select().from(uploads).all()).toEqual([]);
  expect(fs.existsSync(storedUploadPath(id))).toBe(false);
  expect(previewStagedImport(id)).toBeNull();
});

it("an imported address never confirmed is deleted with its email when its link lapses, as a signup is", async () => {
  const id = "b".repeat(32);
  stage(id, "email,lists\r\nlapsing@example.org,news\r\n", new Date());
  expect(importStagedList(id, staff)).toMatchObject({ imported: 1 });
  expect(fs.existsSync(storedUploadPath(id))).toBe(false);
  expect(db.select().from(newsletterSubscribers).all()).toMatchObject([{ email: "lapsing@example.org", status: "pending" }]);
  expect((await maintain(7 * 24 + 1)).newsletterSignupsExpired).toBe(1);
  expect(db.select().from(newsletterSubscribers).all()).toEqual([]);
  expect(() => importStagedList(id, staff)).toThrow(/no longer waiting to be imported/);
});
