import Database from "better-sqlite3";
import path from "node:path";
import { startPortal, temporaryDataDir, copyTemplateInto } from "../helpers/portal-server";

// Starts its own portal twice on one DATA_DIR, the way `npm start` is run after a reboot.
jest.setTimeout(180_000);

function counts(dataDir: string) {
  const sqlite = new Database(path.join(dataDir, "coop.db"), { readonly: true });
  try {
    const count = (table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    return { pages: count("pages"), settings: count("settings") };
  } finally {
    sqlite.close();
  }
}

describe("restarting the portal", () => {
  // The build was made by the suite's global setup with another DATA_DIR; what a page
  // shows must come from this database, also after it changed while the server was
  // stopped (a restored backup, a command-line import).
  it("keeps every row, keeps edits and seeds nothing twice; pages show this database, also what changed while stopped", async () => {
    const dataDir = temporaryDataDir("restart");

    // An empty DATA_DIR, as on a first `npm start`: migrated and seeded by the launcher.
    const first = await startPortal({ dataDir, fromTemplate: false });
    expect(first.output()).toMatch(/seeded 11 pages, 1 settings, 4 demo accounts, \d+ monographs, 4 demo owner applications, 4 demo job postings, 11 demo newsletter subscribers, 2 demo Rutabaga Rap issues and 2 demo newsletter campaigns/);
    expect(await (await fetch(`${first.url}/about/board`)).text()).not.toContain("Our board (edited)");
    await first.stop();
    const afterFirst = counts(dataDir);
    expect(afterFirst.pages).toBe(11);

    const sqlite = new Database(path.join(dataDir, "coop.db"));
    sqlite.prepare("update pages set title = 'Our board (edited)' where slug = 'about/board'").run();
    sqlite.close();

    const second = await startPortal({ dataDir });
    try {
      expect(second.output()).toMatch(/existing data kept, nothing to seed/);
      expect(counts(dataDir)).toEqual(afterFirst);
      const html = await (await fetch(`${second.url}/about/board`)).text();
      expect(html).toContain("Our board (edited)");
    } finally {
      await second.stop();
    }
  });
});

describe("starting outside demo mode", () => {
  // That it happens once, and not again at the next start, is db/seed.test.ts's.
  it("disables the demo accounts left from a demo, saying so in the log", async () => {
    const dataDir = temporaryDataDir("demo-off");
    // The demo database every demo portal of the run starts from: as left by `npm start` in demo mode.
    copyTemplateInto(dataDir);

    const production = await startPortal({ dataDir, env: { DEMO: "0", OUTBOX_OK: "1" } });
    await production.stop();
    expect(production.output()).toMatch(/Demo mode is off: disabled the demo accounts .*admin@coop\.example.*; they can no longer sign in/);

    const sqlite = new Database(path.join(dataDir, "coop.db"), { readonly: true });
    const enabled = sqlite.prepare("select email from users where email like '%@coop.example' and disabled_at is null").all();
    sqlite.close();
    expect(enabled).toEqual([]);
  });
});
