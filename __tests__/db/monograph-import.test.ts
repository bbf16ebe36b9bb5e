import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/db";
import { exportMonographs } from "@/db/cli/monographs-export";
import { importMonographs } from "@/db/cli/monographs-import";
import { listAllMonographs } from "@/db/queries/monographs";
import { ensureMonographCategories } from "@/db/queries/monograph-writes";
import { seedMonographsFolder } from "@/db/cli/seed";
import { monographCategoryList } from "@/lib/model/monographs";

const tempDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `coop-${label}-`));
const seedFile = (slug: string) => fs.readFileSync(path.join(seedMonographsFolder, `${slug}.md`), "utf8");

beforeAll(() => ensureMonographCategories(db, monographCategoryList));

describe("importing monographs", () => {
  it("reports each bad file by file and field, imports nothing from it, and imports the rest", () => {
    const folder = tempDir("import");
    fs.writeFileSync(path.join(folder, "ginger.md"), seedFile("ginger"));
    fs.writeFileSync(path.join(folder, "prolotherapy.md"), seedFile("prolotherapy"));
    fs.writeFileSync(path.join(folder, "no-title.md"), seedFile("ginger").replace(/^slug: .*$/m, "slug: no-title").replace(/^title: .*$/m, ""));
    fs.writeFileSync(path.join(folder, "bad-grade.md"), seedFile("acupuncture").replace(/^slug: .*$/m, "slug: bad-grade").replace(/grade: [A-F]/, "grade: E"));

    const report = importMonographs(db, folder);

    expect(report.problems).toEqual([
      expect.stringMatching(/^bad-grade\.md: evidence\.0\.grade: Grade must be one of A, B, C, D or F\.$/),
      expect.stringMatching(/^no-title\.md: title: /),
    ]);
    expect(report).toMatchObject({ created: 2, updated: 0 });
    expect(listAllMonographs().map((m) => m.slug).sort()).toEqual(["ginger", "prolotherapy"]);
  });

  it("updates by slug on a second import", () => {
    const folder = tempDir("reimport");
    fs.writeFileSync(path.join(folder, "ginger.md"), seedFile("ginger").replace(/^title: .*$/m, "title: Ginger root"));
    expect(importMonographs(db, folder)).toEqual({ created: 0, updated: 1, problems: [] });
    expect(listAllMonographs().find((m) => m.slug === "ginger")!.title).toBe("Ginger root");
  });

  it("reports an unknown section, YAML errors and a slug that does not match its file", () => {
    const folder = tempDir("problems");
    fs.writeFileSync(path.join(folder, "extra.md"), `${seedFile("ginger").replace(/^slug: .*$/m, "slug: extra")}\n## Trivia\n\nNot a section.\n`);
    fs.writeFileSync(path.join(folder, "broken.md"), "---\ntitle: [unclosed\n---\n");
    fs.writeFileSync(path.join(folder, "misnamed.md"), seedFile("ginger"));
    const { problems } = importMonographs(db, folder);
    expect(problems).toEqual([
      expect.stringMatching(/^broken\.md: front matter: not valid YAML/),
      expect.stringMatching(/^extra\.md: body: unknown section "## Trivia"/),
      'misnamed.md: slug: "ginger" does not match the file name',
    ]);
  });
});

describe("exporting monographs", () => {
  it("writes files that import back unchanged", () => {
    expect(importMonographs(db, seedMonographsFolder).problems).toEqual([]);
    const first = tempDir("export-1");
    const count = exportMonographs(first);
    expect(count).toBe(fs.readdirSync(seedMonographsFolder).filter((f) => f.endsWith(".md")).length);
    const before = listAllMonographs().map(({ updatedAt, ...rest }) => rest);

    expect(importMonographs(db, first)).toMatchObject({ created: 0, problems: [] });
    expect(listAllMonographs().map(({ updatedAt, ...rest }) => rest)).toEqual(before);

    const second = tempDir("export-2");
    exportMonographs(second);
    for (const file of fs.readdirSync(first)) {
      expect(fs.readFileSync(path.join(second, file), "utf8")).toBe(fs.readFileSync(path.join(first, file), "utf8"));
    }
    for (const folder of [first, second]) fs.rmSync(folder, { recursive: true });
  });
});
