import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInputs, recordBuild, staleBuildReason, withBuildLock } from "@/lib/cli/build-freshness";

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

/** A project folder as its last build left it: every file recorded with that build. */
function builtProject() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "coop-build-freshness-"));
  for (const file of projectFiles) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "original\n");
  }
  fs.mkdirSync(path.join(root, ".next"));
  fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "build-1");
  recordBuild(root, { inputs: buildInputs(root, { dataDir: path.join(root, "var", "portal-data") }) });
  return root;
}

function edit(root: string, file: string, content = "edited\n") {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

let root: string;
beforeEach(() => {
  root = builtProject();
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const staleNow = (options: { dataDir?: string } = {}) =>
  staleBuildReason(root, buildInputs(root, { dataDir: options.dataDir ?? path.join(root, "var", "portal-data") }));

describe("staleBuildReason", () => {
  it("is null when nothing changed since the build", () => {
    expect(staleNow()).toBeNull();
  });

  it.each(["app/page.tsx", "db/client.ts", "db/seed-data/pages/about.md", "package-lock.json"])("names %s when it changed since the build", (file) => {
    edit(root, file);
    expect(staleNow()).toBe(`${file} changed since the last build`);
  });

  it("counts a new top-level folder as a build input", () => {
    edit(root, "features/recipes/page.tsx");
    expect(staleNow()).toBe("features/recipes/page.tsx changed since the last build");
  });

  it("names a source removed since the build", () => {
    fs.rmSync(path.join(root, "lib", "site.ts"));
    expect(staleNow()).toBe("lib/site.ts was removed since the last build");
  });

  it("goes by content: a file rewritten unchanged, with a time after the build's or a clock set back, builds nothing", () => {
    const inAnHour = new Date(Date.now() + 60 * 60_000);
    edit(root, "app/page.tsx", "original\n");
    fs.utimesSync(path.join(root, "app", "page.tsx"), inAnHour, inAnHour);
    fs.utimesSync(path.join(root, ".next", "BUILD_ID"), new Date(0), new Date(0));
    expect(staleNow()).toBeNull();
  });

  it.each([
    "__tests__/unit/site.test.ts",
    "data/coop.db",
    "README.md",
    "jest.config.js",
    "tsconfig.tsbuildinfo",
    "next-env.d.ts",
    ".swc/plugins/linux_x86_64_34.0.0/cache",
    ".bench/bare-next/app/page.tsx",
    "coverage/lcov.info",
    ".portal-build.lock",
  ])("ignores a change to %s, which the build does not read", (file) => {
    edit(root, file);
    expect(staleNow()).toBeNull();
  });

  it("ignores a change in DATA_DIR when it lies inside the project under another name", () => {
    edit(root, "var/portal-data/coop.db");
    expect(staleNow()).toBeNull();
    expect(staleNow({ dataDir: path.join(root, "elsewhere") })).toBe("var/portal-data/coop.db changed since the last build");
  });

  it("asks for a build when the last one left no record of its sources (made before they were recorded)", () => {
    fs.writeFileSync(path.join(root, ".next", "portal-build.json"), JSON.stringify({}));
    expect(staleNow()).toBe("the last build left no record of its sources");
  });

  it("asks for a build when there is none", () => {
    fs.rmSync(path.join(root, ".next"), { recursive: true });
    expect(staleNow()).toBe("no production build yet");
  });
});

describe("withBuildLock", () => {
  const lockFile = () => path.join(root, ".portal-build.lock");

  /** Another launcher: takes the lock as withBuildLock does, holds it for `ms`, lets go. */
  async function otherLauncherHolding(ms: number) {
    const script = `const fs = require("fs"); fs.writeFileSync(${JSON.stringify(lockFile())}, String(process.pid), { flag: "wx" });
      console.log("held"); setTimeout(() => fs.rmSync(${JSON.stringify(lockFile())}), ${ms});`;
    const other = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise((resolve) => other.stdout.once("data", resolve));
    return other;
  }

  it("waits while another running launcher holds the lock, then works holding it, and lets go", async () => {
    const other = await otherLauncherHolding(1_000);
    const waitedFor: number[] = [];
    const started = Date.now();
    const holderDuringWork = withBuildLock(root, () => fs.readFileSync(lockFile(), "utf8"), (pid) => waitedFor.push(pid));
    expect(waitedFor).toEqual([other.pid]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(holderDuringWork).toBe(String(process.pid));
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("takes over at once a lock left by a launcher that no longer runs", async () => {
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.once("exit", resolve));
    fs.writeFileSync(lockFile(), String(gone.pid));
    const waitedFor: number[] = [];
    expect(withBuildLock(root, () => "built", (pid) => waitedFor.push(pid))).toBe("built");
    expect(waitedFor).toEqual([]);
  });

  it("lets go of the lock when the work fails", () => {
    expect(() =>
      withBuildLock(root, () => {
        throw new Error("build failed");
      }),
    ).toThrow("build failed");
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});
