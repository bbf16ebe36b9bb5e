import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

function sourceFiles(folder: string): string[] {
  if (!fs.existsSync(path.join(root, folder))) return [];
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const source = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
/** Imports zod's values (a type-only import builds nothing). */
const importsZod = (file: string) => /^import\s+(?!type\b)[^;]*?from\s+["']zod(\/[^"']*)?["']/m.test(source(file));

// lib/validations/zod-config.ts turns off zod's eval probe in the browser (the pages'
// Content-Security-Policy reports the probe); it must run before any schema is built.
describe("zod in the browser", () => {
  it("is configured by every module that builds schemas, before it builds them", () => {
    const unconfigured = sourceFiles("lib/validations")
      .filter((file) => !file.endsWith("zod-config.ts") && importsZod(file))
      .filter((file) => !/^import\s+["']\.\/zod-config["'];?$/m.test(source(file)));
    expect(unconfigured).toEqual([]);
  });

  it("reaches client code only through those modules", () => {
    expect(["components", "lib/model"].flatMap(sourceFiles).filter(importsZod)).toEqual([]);
  });
});
