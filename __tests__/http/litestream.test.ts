import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { withPortalDb } from "../helpers/portal";
import { waitFor } from "../helpers/wait-for";
import { startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";

// docs/litestream.yml, run as a co-op would run it beside the portal, with a file://
// replica: the replica restores every committed row, and restores the database as it was
// at a moment in the past.

jest.setTimeout(120_000);

const litestream = path.join(path.dirname(require.resolve("@flydotio/litestream-linux-x64/package.json")), "litestream");
const config = path.resolve(__dirname, "../../docs/litestream.yml");

let portal: RunningPortal;
let replicator: ChildProcess;
let replicatorOutput = "";
let replicaDir: string;

const litestreamEnv = () => ({ ...process.env, DATA_DIR: portal.dataDir, LITESTREAM_REPLICA_URL: `file://${replicaDir}` });

function restore(extra: string[] = []) {
  const out = path.join(temporaryDataDir("litestream-restore"), "coop.db");
  const result = spawnSync(litestream, ["restore", "-config", config, "-o", out, ...extra, path.join(portal.dataDir, "coop.db")], { env: litestreamEnv(), encoding: "utf8" });
  if (result.status !== 0) throw new Error(`litestream restore failed: ${result.stderr}`);
  return out;
}

const outboxIn = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    return sqlite.prepare("select \"to\" from email_outbox order by id").pluck().all() as string[];
  } finally {
    sqlite.close();
  }
};

/** Asks for sign-in links: each request commits an outbox row through the running portal. */
async function requestLinks(prefix: string, count: number) {
  const addresses = Array.from({ length: count }, (_, index) => `${prefix}-${index}@coop.example`);
  for (const email of addresses) {
    const response = await fetch(`${portal.url}/api/auth/signin/email`, { method: "POST", body: new URLSearchParams({ email }) });
    expect(response.status).toBe(200);
  }
  return addresses;
}

/** The replica's WAL segments so far: one more appears each time Litestream ships a change. */
const replicatedSegments = () =>
  fs.existsSync(replicaDir) ? (fs.readdirSync(replicaDir, { recursive: true }) as string[]).filter((name) => name.endsWith(".wal.lz4")).length : 0;

const untilReplicated = (since: number) => waitFor(() => `Litestream to ship something new:\n${replicatorOutput}`, () => replicatedSegments() > since, 20_000);

/** Litestream names a moment to the second: waits until the clock is past `time` by more than one. */
const clockPast = (time: number) => waitFor("the clock to move on a second", () => Date.now() > time + 1100);

beforeAll(async () => {
  const dataDir = temporaryDataDir("litestream");
  replicaDir = path.join(dataDir, "..", `${path.basename(dataDir)}-replica`);
  portal = await startPortal({ dataDir, env: { DEMO: "1", SIGNIN_LIMIT_PER_IP: "10000" } });
  replicator = spawn(litestream, ["replicate", "-config", config], { env: litestreamEnv(), stdio: ["ignore", "pipe", "pipe"] });
  replicator.stdout!.on("data", (chunk) => (replicatorOutput += chunk));
  replicator.stderr!.on("data", (chunk) => (replicatorOutput += chunk));
  await untilReplicated(0);
});

afterAll(async () => {
  if (replicator && replicator.exitCode === null) {
    await new Promise((resolve) => {
      replicator.once("exit", resolve);
      replicator.kill("SIGTERM");
    });
  }
  await portal?.stop();
});

it("the replica restores every row the portal committed, and the database as it was at an earlier moment", async () => {
  const segments = replicatedSegments();
  const before = await requestLinks("before", 10);
  await untilReplicated(segments);
  // A moment strictly between the two batches, as someone would name it after a bad change.
  await clockPast(Date.now());
  const moment = new Date();
  await clockPast(moment.getTime());
  const afterSegments = replicatedSegments();
  const after = await requestLinks("after", 10);
  await untilReplicated(afterSegments);
  const live = withPortalDb((sqlite) => sqlite.prepare("select \"to\" from email_outbox order by id").pluck().all() as string[], portal.dataDir);
  expect(live).toEqual(expect.arrayContaining([...before, ...after]));

  // Litestream ships within a second; wait until the replica holds the newest row.
  const latest = await waitFor("the replica to hold the newest row", () => {
    const restored = outboxIn(restore());
    return restored.length >= live.length && restored;
  }, 20_000, 500).catch(() => outboxIn(restore()));
  expect(latest).toEqual(live);

  const earlier = outboxIn(restore(["-timestamp", moment.toISOString()]));
  expect(earlier).toEqual(expect.arrayContaining(before));
  for (const address of after) expect(earlier).not.toContain(address);
});
