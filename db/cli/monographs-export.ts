/** `npm run monographs:export -- DIR`: writes every monograph as a file that imports back unchanged. */
import fs from "node:fs";
import path from "node:path";
import { serializeMonograph } from "@/lib/monographs/file-format";
import { listAllMonographs } from "../queries/monographs";

export function exportMonographs(folder: string) {
  fs.mkdirSync(folder, { recursive: true });
  const all = listAllMonographs();
  for (const { id, categoryName, updatedAt, ...monograph } of all) {
    fs.writeFileSync(path.join(folder, `${monograph.slug}.md`), serializeMonograph(monograph));
  }
  return all.length;
}

if (require.main === module) {
  const folder = process.argv[2];
  if (!folder) {
    console.error("Usage: npm run monographs:export -- DIR");
    process.exit(2);
  }
  console.log(`Exported ${exportMonographs(path.resolve(folder))} monographs to ${path.resolve(folder)}.`);
}
