import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

function filesUnder(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

// Imports of a value (not `import type`) from the database layer, on one line or several.
const valueImportFromDb = /^import (?!type )[^;]*?from "@\/db(\/[^"]*)?";/ms;

describe("lib/", () => {
  // Someone opening a feature folder tells the files that reach the database by their first
  // line. Actions say "use server" instead; lib/backups and lib/cli are the command line's
  // helpers, run before the server; lib/model reaches nothing (ESLint keeps that one).
  it('marks every file that reaches the database with import "server-only" on its first line', () => {
    const exempt = /^lib\/(actions|backups|cli|model)\//;
    const unmarked = filesUnder("lib")
      .filter((file) => !exempt.test(file))
      .filter((file) => {
        const text = fs.readFileSync(path.join(root, file), "utf8");
        return valueImportFromDb.test(text) && !text.startsWith('import "server-only";');
      });
    expect(unmarked).toEqual([]);
  });
});
