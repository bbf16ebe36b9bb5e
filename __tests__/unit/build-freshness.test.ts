import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { recordBuildSettings, staleBuildReason } from "@/lib/cli/build-freshness";

const settings = { https: false };
const anHourAgo = new Date(Date.now() - 60 * 60_000);
const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60_000);

const projectFiles = [
  "package.json",
  "package-lock.json",
  "next.config.js",
  "proxy.ts",
  "README.md",
  "jest.config.js",
  "app/page.tsx",
  "components/ui/field.tsx",
  "lib/site.ts",
  "db/client.ts",
  "db/index.ts",
  "db/queries/monographs.ts",
  "db/seed-data/pages/about.md",
  "public/favicon.ico",
  "__tests__/unit/site.test.ts",
  "data/coop.db",
  "var/portal-data/coop.db",
];

function touchTree(target: string, when: Date) {
  if (fs.statSync(target).isDirectory()) for (const entry of fs.readdirSync(target)) touchTree(path.join(target, entry), when);
  fs.utimesSync(target, when, when);
}

/** A project folder whose every file predates its last build, made an hour ago. */
function builtProject() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "coop-build-freshness-"));
  for (const file of projectFiles) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "original\n");
  }
  fs.mkdirSync(path.join(root, ".next"));
  fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "build-1");
  recordBuildSettings(root, settings);
  touchTree(root, twoHoursAgo);
  fs.utimesSync(path.join(root, ".next", "BUILD_ID"), anHourAgo, anHourAgo);
  return root;
}

function edit(root: string, file: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), "edited\n");
}

let root: string;
beforeEach(() => {
  root = builtProject();
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe("staleBuildReason", () => {
  it("is null when nothing changed since the build", () => {
    expect(staleBuildReason(root, settings)).toBeNull();
  });

  it.each(["app/page.tsx", "db/client.ts", "db/seed-data/pages/about.md", "package-lock.json"])("names %s when it changed since the build", (file) => {
    edit(root, file);
    expect(staleBuildReason(root, settings)).toBe(`${file} changed since the last build`);
  });

  it("counts a new top-level folder as a build input", () => {
    edit(root, "features/recipes/page.tsx");
    expect(staleBuildReason(root, settings)).toBe("features/recipes/page.tsx changed since the last build");
  });

  it.each(["__tests__/unit/site.test.ts", "data/coop.db", "README.md", "jest.config.js", "tsconfig.tsbuildinfo", "next-env.d.ts"])(
    "ignores a change to %s, which the build does not read",
    (file) => {
      edit(root, file);
      expect(staleBuildReason(root, settings)).toBeNull();
    },
  );

  it("ignores a change in DATA_DIR when it lies inside the project under another name", () => {
    edit(root, "var/portal-data/coop.db");
    expect(staleBuildReason(root, settings, { dataDir: path.join(root, "var", "portal-data") })).toBeNull();
  });

  it("asks for a build when SITE_URL moved to https since the last one", () => {
    expect(staleBuildReason(root, { https: true })).toBe("SITE_URL is now https");
  });

  it("asks for a build when there is none", () => {
    fs.rmSync(path.join(root, ".next"), { recursive: true });
    expect(staleBuildReason(root, settings)).toBe("no production build yet");
  });
});
