import fs from "node:fs";
import path from "node:path";
import type { MonographInput } from "@/lib/validations/monographs";
import { parseMonographFile } from "./file-format";

export type MonographFolder = { monographs: { file: string; monograph: MonographInput }[]; problems: string[] };

/**
 * Reads and validates every `.md` file of a folder. Problems read `file: field: what is
 * wrong`; a file's slug must match its name (so no two files share a slug). Only the
 * files without problems are returned.
 */
export function readMonographFolder(folder: string): MonographFolder {
  const result: MonographFolder = { monographs: [], problems: [] };
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    result.problems.push(`${folder}: not a folder`);
    return result;
  }
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith(".md")).sort()) {
    const parsed = parseMonographFile(fs.readFileSync(path.join(folder, file), "utf8"));
    if (!parsed.ok) {
      result.problems.push(...parsed.problems.map((problem) => `${file}: ${problem}`));
      continue;
    }
    const { slug } = parsed.monograph;
    if (`${slug}.md` !== file) {
      result.problems.push(`${file}: slug: "${slug}" does not match the file name`);
      continue;
    }
    result.monographs.push({ file, monograph: parsed.monograph });
  }
  return result;
}
