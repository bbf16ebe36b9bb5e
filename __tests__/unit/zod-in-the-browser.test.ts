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

describe("zod in the browser", () => {
  // lib/validations/zod.ts turns off zod's eval probe in the browser before any schema is
  // built (the pages' Content-Security-Policy reports the probe); a module that imports
  // zod itself could build a schema first. Type-only imports build nothing.
  it("reaches client code only through lib/validations/zod.ts", () => {
    const direct = ["components", "lib/validations", "lib/model"]
      .flatMap(sourceFiles)
      .filter((file) => file !== path.join("lib", "validations", "zod.ts"))
      .filter((file) => /^import\s+(?!type\b)[^;]*?from\s+["']zod(\/[^"']*)?["']/m.test(fs.readFileSync(path.join(root, file), "utf8")));
    expect(direct).toEqual([]);
  });
});
