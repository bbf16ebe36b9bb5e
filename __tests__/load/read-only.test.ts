import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, temporaryDataDir } from "../helpers/portal-server";
import { startPortal, waitFor } from "./load-kit";

jest.setTimeout(3 * 60_000);

/** Mounting a file system needs root; CI runs as root. */
const asRoot = process.getuid?.() === 0;
if (!asRoot) console.warn("Skipped the read-only suite: mounting a tmpfs as DATA_DIR needs root, and this process is not root.");

const root = path.resolve(__dirname, "..", "..");
let dataDir: string;
let mounted = false;

/** `npm start` on `dataDir` until it exits by itself (or 90 s pass); what it printed, and whether anything answered on its port meanwhile. */
async function npmStart(port: number) {
  const child = spawn("npm", ["start"], {
    cwd: root,
    detached: true,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, SITE_URL: `http://127.0.0.1:${port}`, DEMO: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let answered = false;
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let code: number | null | undefined;
  void exited.then((value) => (code = value));
  try {
    await waitFor(
      "npm start to exit",
      async () => {
        answered ||= await fetch(`http://127.0.0.1:${port}/api/health`).then(
          () => true,
          () => false,
        );
        return code !== undefined ? true : undefined;
      },
      90_000,
      200,
    );
  } finally {
    if (code === undefined) process.kill(-child.pid!, "SIGKILL");
  }
  return { code, output, answered };
}

(asRoot ? describe : describe.skip)("a read-only DATA_DIR (a tmpfs remounted read-only)", () => {
  beforeAll(async () => {
    dataDir = temporaryDataDir("read-only");
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64m,mode=0700", "tmpfs", dataDir]);
    mounted = true;
    // A portal that ran here before: its database, secret and folders are all in place.
    const earlier = await startPortal({ dataDir, env: { DEMO: "1" } });
    await earlier.stop();
    execFileSync("mount", ["-o", "remount,ro", dataDir]);
    expect(() => fs.writeFileSync(path.join(dataDir, "probe"), "")).toThrow(/read-only/i);
  }, 15 * 60_000);

  afterAll(() => {
    if (mounted) execFileSync("umount", [dataDir]);
  });

  it("makes npm start exit non-zero before serving, with one line that says the database is read-only and where", async () => {
    const { code, output, answered } = await npmStart(await freePort());
    expect(code).not.toBe(0);
    expect(answered).toBe(false);
    const lines = output.split("\n").filter((line) => line.includes("is read-only"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dataDir);
  });
});
