import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { temporaryDataDir } from "../helpers/portal-server";
import { insertOpenPosting, readForms, startPortal, uploadsOnDisk, withDb, type Forms, type RunningPortal } from "./load-kit";

jest.setTimeout(10 * 60_000);

/*
 * Big bodies cost the server no memory: 40 posts of 20 MB at once, to the public
 * newsletter signup (a server action) and to the public job application's upload route,
 * must leave the `next start` process's resident memory within a few MB of where it was.
 * Printed: VmRSS before and after each round and the peak (VmHWM), from /proc.
 */

const CONCURRENT = 40;
const BODY_BYTES = 20 * 1024 * 1024;
/** What "a few MB" allows the resident set to grow by across one round. */
const RSS_GROWTH_LIMIT_MB = 8;
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

/**
 * Posts one multipart body declaring BODY_BYTES: `head` (text parts and the start of the
 * big part), then filler, then `tail`. Stops sending when the server answers or closes.
 */
function postBig(urlPath: string, contentType: string, head: Buffer, tail: Buffer, headers: Record<string, string>): Promise<Sent> {
  const fillerBytes = BODY_BYTES - head.length - tail.length;
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
      headers: { "Content-Type": contentType, "Content-Length": BODY_BYTES, Origin: portal.url, ...headers },
    });
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => finish(response.statusCode!));
      response.on("error", () => finish(response.statusCode!));
    });
    request.on("error", () => finish("closed"));
    request.on("close", () => setTimeout(() => finish("closed"), 50));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const write = (bytes: Buffer) =>
      new Promise<void>((next) => {
        sent += bytes.length;
        if (request.write(bytes)) next();
        else {
          request.once("drain", next);
          request.once("close", next);
        }
      });
    void (async () => {
      await write(head);
      for (let left = fillerBytes; left > 0 && !done && !request.destroyed; left -= chunk.length) await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
      if (!done && !request.destroyed) request.end(tail);
    })().catch(() => {});
  });
}

function multipart(fields: Record<string, string>, big: { name: string; filename?: string }) {
  const boundary = `----memory${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const disposition = `form-data; name="${big.name}"${big.filename ? `; filename="${big.filename}"\r\nContent-Type: application/pdf` : ""}`;
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    head: Buffer.from(`${parts.join("")}--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${big.filename ? "%PDF-1.4\n" : ""}`),
    tail: Buffer.from(`\r\n--${boundary}--\r\n`),
  };
}

/** The signup form's action as the page's script calls it, its first name 20 MB long. */
function bigSignup(index: number) {
  const reference = Object.entries(forms.signup).find(([name]) => /^\$ACTION_\d+:0$/.test(name))!;
  const actionId = (JSON.parse(reference[1]) as { id: string }).id;
  const body = multipart({ "0": JSON.stringify([null, "$K1"]), _1_email: `memory-${run}-${index}@coop.example` }, { name: "_1_firstName" });
  return postBig("/visit", body.contentType, body.head, body.tail, { "Next-Action": actionId, Accept: "text/x-component" });
}

/** A job application without JavaScript, its résumé 20 MB. */
function bigApplication(index: number) {
  const body = multipart(
    { name: "Rosa Loadtest", email: `memory-${run}-${index}@coop.example`, phone: "585-555-0134", availability: "Evenings", coverLetter: "", resumeText: "" },
    { name: "resume", filename: "cv.pdf" },
  );
  return postBig(`/api/jobs/${jobId}/applications`, body.contentType, body.head, body.tail, { Accept: "text/html" });
}

async function round(label: string, post: (index: number) => Promise<Sent>) {
  // One of each first: the code that answers is loaded before the measure starts.
  await post(-1);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = memoryOf(serverPid);
  const sent = await Promise.all(Array.from({ length: CONCURRENT }, (_, index) => post(index)));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = memoryOf(serverPid);
  const statuses = [...new Set(sent.map((one) => one.status))].join(", ");
  const mostSent = Math.max(...sent.map((one) => one.sentMB));
  console.log(
    `${label}: ${CONCURRENT} concurrent posts of ${BODY_BYTES / (1024 * 1024)} MB answered ${statuses}; at most ${mostSent.toFixed(1)} MB of one sent before the answer; ` +
      `server VmRSS ${before.rss.toFixed(1)} → ${after.rss.toFixed(1)} MB (${(after.rss - before.rss).toFixed(1)} MB), peak VmHWM ${before.peak.toFixed(1)} → ${after.peak.toFixed(1)} MB`,
  );
  return { before, after, sent };
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
  const { before, after, sent } = await round("newsletter signup (server action)", bigSignup);
  expect(sent.filter((one) => one.status === 200 || one.status === 303)).toEqual([]);
  expect(after.rss - before.rss).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  expect(withDb(dataDir, (sqlite) => sqlite.prepare("select count(*) from newsletter_subscribers where email like ?").pluck().get(`memory-${run}-%`))).toBe(0);
});

it("40 concurrent 20 MB résumés to the job application route leave the server's memory within a few MB, and store nothing", async () => {
  const { before, after, sent } = await round("job application (upload route)", bigApplication);
  // Each is refused at its cap: the server answered long before the 20 MB were sent.
  expect(sent.filter((one) => one.sentMB > 15)).toEqual([]);
  expect(after.rss - before.rss).toBeLessThan(RSS_GROWTH_LIMIT_MB);
  expect(withDb(dataDir, (sqlite) => sqlite.prepare("select count(*) from job_applications where email like ?").pluck().get(`memory-${run}-%`))).toBe(0);
  const disk = uploadsOnDisk(dataDir);
  expect({ part: disk.partFiles, strays: disk.strays }).toEqual({ part: [], strays: [] });
  expect(fs.readdirSync(path.join(dataDir, "uploads")).length).toBe(disk.rows.size);
});
