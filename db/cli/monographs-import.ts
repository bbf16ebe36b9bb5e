/**
 * `npm run monographs:import -- DIR`: validates every monograph file in DIR first and
 * prints each problem as `file: field: what is wrong`. A file with any problem imports
 * nothing; the valid files are upserted by slug, together, in one transaction. The exit
 * code is 1 when any file had a problem.
 *
 * A running server keeps cached pages for up to five minutes; saving in the staff
 * area or restarting shows imported changes at once.
 */
import path from "node:path";
import { readMonographFolder } from "@/lib/monographs/folder";
import type { DB } from "../client";
import { upsertMonographBySlug } from "../queries/monograph-writes";

export type ImportReport = { created: number; updated: number; problems: string[] };

export function importMonographs(database: DB, folder: string): ImportReport {
  const { monographs, problems } = readMonographFolder(folder);
  const created = database.transaction(
    (tx) => {
      let added = 0;
      for (const { monograph } of monographs) {
        if (upsertMonographBySlug(tx, monograph).created) added++;
      }
      return added;
    },
    { behavior: "immediate" },
  );
  return { created, updated: monographs.length - created, problems };
}

if (require.main === module) {
  const folder = process.argv[2];
  if (!folder) {
    console.error("Usage: npm run monographs:import -- DIR");
    process.exit(2);
  }
  void import("../index").then(({ db }) => {
    const report = importMonographs(db, path.resolve(folder));
    for (const problem of report.problems) console.error(problem);
    console.log(`Imported ${report.created + report.updated} monographs: ${report.created} new, ${report.updated} updated.`);
    if (report.problems.length) {
      console.error(`${report.problems.length} problem(s): the files named above were not imported.`);
      process.exit(1);
    }
  });
}
