import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { temporaryDataDir } from "../helpers/portal-server";
import { insertOpenPosting, readForms, startPortal, uploadsOnDisk, withDb, type Forms, type RunningPortal } from "./load-kit";

jest.setTimeout(10 * 60_000);

/*
 * Big bodies cost the server no memory. Each round sends 40 posts at once, first of
 * 64 kB (a form of an ordinary size, which also brings the server's heap to the size of
 * 40 requests in flight), then of 20 MB, to the public newsletter signup (a server
 * action) and to the public job application's upload route (as the page's script sends
 * it, and without JavaScript). Between before and after the 20 MB posts the `next start`
 * process's resident memory must stay within a few MB: a server that held bodies in
 * memory would need 80 times what the small ones took. Printed for each round: VmRSS and
 * the peak VmHWM, from /proc.
 */

const CONCURRENT = 40;
const SMALL_BYTES = 64 * 1024;
const BIG_BYTES = 20 * 1024 * 1024;
/** What "a few MB" allows the resident set to grow by across the 20 MB posts. */
const RSS_GROWTH_LIMIT_MB = 8;
/** Bodies read to their end leave garbage to collect (see the last test): bounded, a sixth of the 800 MB one round sends at most. */
const BOUNDED_GROWTH_MB = 128;
const run = crypto.randomBytes(3).toString("hex");

let portal: RunningPortal;
let dataDir: string;
let forms: Forms;
let jobId: number;
let serverPid: number;

/** The process holding the portal's listening socket: `next start` itself, whatever launched it. */
function listeningPid(port: number) {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const columns = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; column 9 is the socket's inode.
      if (columns[3] === "0A" && parseInt(columns[1]?.split(":")[1] ?? "", 16) === port) inodes.add(columns[9]!);
    }
  }
  for (const pid of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let links: string[];
    try {
      links = fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
        try {
          return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        } catch {
          return "";
        }
      });
    } catch {
      continue;
    }
    if (links.some((link) => inodes.has(/^socket:\[(\d+)\]$/.exec(link)?.[1] ?? ""))) return Number(pid);
  }
  throw new Error(`No process listens on port ${port}`);
}

/** VmRSS and VmHWM (the peak) of a process, in MB. */
function memoryOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)![1]);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

type Sent = { status: number | "closed"; sentMB: number };
type Post = (index: number, bytes: number) => Promise<Sent>;

/**
 * Posts one multipart body of `bytes` declared bytes: `head` (text parts and the start of
 * the big part), then filler, then `tail`. Stops sending when the server answers or closes.
 */
function postBody(urlPath: string, bytes: number, body: { contentType: string; head: Buffer; tail: Buffer }, headers: Record<string, string>): Promise<Sent> {
  const fillerBytes = bytes - body.head.length - body.tail.length;
  return new Promise((resolve) => {
    let sent = 0;
    let done = false;
    const finish = (status: Sent["status"]) => {
      if (done) return;
      done = true;
      request.destroy();
      resolve({ status, sentMB: sent / (1024 * 1024) });
    };
    const request = http.request(new URL(urlPath, portal.url), {
      method: "POST",
      agent: false,
      headers: { "Content-Type": body.contentType, "Content-Length": bytes, Origin: portal.url, ...headers },
    });
    request.setMaxListeners(0);
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => finish(response.statusCode!));
      response.on("error", () => finish(response.statusCode!));
    });
    request.on("error", () => finish("closed"));
    request.on("close", () => setTimeout(() => finish("closed"), 50));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const write = (part: Buffer) =>
      new Promise<void>((next) => {
        sent += part.length;
        if (request.write(part)) next();
        else {
          request.once("drain", next);
          request.once("close", next);
        }
      });
    void (async () => {
      await write(body.head);
      for (let left = fillerBytes; left > 0 && !done && !request.destroyed; left -= chunk.length) await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
      if (!done && !request.destroyed) request.end(body.tail);
    })().catch(() => {});
  });
}

/** A multipart body's parts around its big one (`big.start` opens its content; the filler follows). */
function multipart(fields: Record<string, string>, big: { name: string; filename?: string; start?: string }) {
  const boundary = `----memory${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const disposition = `form-data; name="${big.name}"${big.filename ? `; filename="${big.filename}"\r\nContent-Type: application/pdf` : ""}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(`${parts.join("")}--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${big.start ?? ""}`),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  };
}

/** The signup form's action as the page's script calls it, its first name as long as the body. */
const signup: Post = (index, bytes) => {
  const reference = Object.entries(forms.signup).find(([name]) => /^\$ACTION_\d+:0$/.test(name))!;
  const actionId = (JSON.parse(reference[1]) as { id: string }).id;
  const body = multipart({ "0": JSON.stringify([null, "$K1"]), _1_email: `memory-${run}-${index}@coop.example` }, { name: "_1_firstName" });
  return postBody("/visit", bytes, body, { "Next-Action": actionId, Accept: "text/x-component" });
};

/**
 * A job application with a résumé as long as the body, as the page's script sends it
 * (asking for JSON) or as a browser without JavaScript does. The small ones are not
 * PDFs, so that they are read, written, checked and refused, and nothing is stored.
 */
const application =
  (accept: "application/json" | "text/html"): Post =>
  (index, bytes) => {
    const body = multipart(
      { name: "Rosa Loadtest", email: `memory-${run}-${index}@coop.example`, phone: "585-555-0134", availability: "Evenings", coverLetter: "", resumeText: "" },
      { name: "resume", filename: "cv.pdf", start: bytes > SMALL_BYTES ? "%PDF-1.4\n" : "plain text\n" },
    );
    return postBody(`/api/jobs/${jobId}/applications`, bytes, body, { Accept: accept });
  };

const allAtOnce = (post: Post, bytes: number) => Promise.all(Array.from({ length: CONCURRENT }, (_, index) => post(index, bytes)));

async function round(label: string, post: Post, options: { warmUp: boolean } = { warmUp: true }) {
  const small = options.warmUp ? await allAtOnce(post, SMALL_BYTES) : [];
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const before = memoryOf(serverPid);
  const big = await allAtOnce(post, BIG_BYTES);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = memoryOf(serverPid);
  const statuses = (sent: Sent[]) => [...new Set(sent.map((one) => one.status))].join(", ");
  const mostSent = Math.max(...big.map((one) => one.sentMB));
  console.log(
    `${label}: ${small.length ? `${CONCURRENT} posts of 64 kB at once answered ${statuses(small)}, then ` : ""}${CONCURRENT} of 20 MB answered ${statuses(big)} ` +
      `(at most ${mostSent.toFixed(1)} MB of one sent before its answer); server VmRSS ${before.rss.toFixed(1)} → ${after.rss.toFixed(1)} MB ` +
      `(${after.rss - before.rss >= 0 ? "+" : ""}${(after.rss - before.rss).toFixed(1)} MB), peak VmHWM ${before.peak.toFixed(1)} → ${after.peak.toFixed(1)} MB`,
  );
  return { before, after, sent: big };
}

beforeAll(async () => {
  dataDir = temporaryDataDir("upload-memory");
  // A limit that none of the 80 posts meets: each is refused for its size, not its count.
  portal = await startPortal({ dataDir, env: { DEMO: "1", PUBLIC_FORM_LIMIT_PER_IP: "100000" } });
  const slug = `memory-${run}`;
  jobId = insertOpenPosting(dataDir, slug);
  forms = await readForms(portal.url, slug);
  serverPid = listeningPid(Number(new URL(portal.url).port));
}, 15 * 60_000);

afterAll(async () => {
  await portal?.stop();
});

it("40 concurrent 20 MB posts to the newsletter signup action leave the server's memory within a few MB, and store nothing", async () => {
  const { before, after, sent } = await round("newsletter signup (server action)", signup);
  expect(sent.filter((one) => one.status === 200 || one.status === 303)).toEqual([]);
  expect(after.rss - before.rss).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  expect(withDb(dataDir, (sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers where email like ?").pluck().get(`memory-${run}-%`))).toBe(0);
});

/** What the application rounds leave: no row, no temporary file, no file without its row. */
function expectNoApplicationStored() {
  expect(withDb(dataDir, (sqlite) => sqlite.prepare("select count(*) from job_applications where email like ?").pluck().get(`memory-${run}-%`))).toBe(0);
  const disk = uploadsOnDisk(dataDir);
  expect({ part: disk.partFiles, strays: disk.strays }).toEqual({ part: [], strays: [] });
  expect(fs.readdirSync(path.join(dataDir, "uploads")).length).toBe(disk.rows.size);
}

it("40 concurrent 20 MB résumés to the job application route, sent as the page's script does, are refused at the 5 MB cap, leaving the server's memory within a few MB", async () => {
  const { before, after, sent } = await round("job application route, script (JSON)", application("application/json"));
  // Each is refused at its cap: the server answered long before the 20 MB were sent.
  expect(sent.filter((one) => one.sentMB > 15)).toEqual([]);
  expect(after.rss - before.rss).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  expectNoApplicationStored();
});

/**
 * Without JavaScript a browser sends its whole body before it reads an answer, so the
 * route reads the rest of each 20 MB past the cap, throwing it away as it comes. Reading
 * 600 MB at loopback speed leaves buffers for the garbage collector, which Node collects
 * once tens of MB of them have built up: the resident set rises by that much, then moves
 * up and down with the collections. What this holds: two rounds (1.6 GB sent) stay within
 * a sixth of what one round sends; a server that kept any of the bodies would grow by
 * every round.
 */
it("40 concurrent 20 MB résumés sent without JavaScript are read to their end and thrown away (the browser then gets its page), twice, with memory bounded", async () => {
  const first = await round("job application route, no JavaScript (303)", application("text/html"));
  expect([...new Set(first.sent.map((one) => one.status))]).toEqual([303]);
  const second = await round("job application route, no JavaScript (303), again", application("text/html"), { warmUp: false });
  expect([...new Set(second.sent.map((one) => one.status))]).toEqual([303]);
  expect(Math.max(first.after.rss, second.after.rss) - first.before.rss).toBeLessThan(BOUNDED_GROWTH_MB);
  expectNoApplicationStored();
});
