import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const folders = ["app", "components", "db", "lib", "__tests__"];
const sourceFile = /\.(ts|tsx|js|mjs|cjs)$/;

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(relative);
    return sourceFile.test(entry.name) ? [relative] : [];
  });
}

describe("the source", () => {
  // An issue number means nothing to someone reading the code a year on; the comment should say what it stands for.
  it("says what a rule means instead of citing an issue number", () => {
    const citing = folders.flatMap(sourceFiles).flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .flatMap((line, index) => (/\b(issue|task)s? #?\d+/i.test(line) ? [`${file}:${index + 1}`] : [])),
    );
    expect(citing).toEqual([]);
  });
});
