/**
 * The floor the public pages are held to: a bare Next.js app (this repository's own
 * `next`, default settings but for the portal's two response settings) serving two
 * prerendered pages of known sizes, built and started beside the portal in the same run.
 * A page of the portal is compared with what the bare app would serve for a page of its
 * size, interpolated between the two: the framework's own cost for those bytes, without
 * anything of ours.
 *
 * The two pages come three times: at fixed paths (`/small`, `/large`); again with a
 * character outside Latin-1 (`/wide-small`, `/wide-large`, see `pageSource`), the floor
 * for a page that has one; and under a dynamic segment prerendered by
 * generateStaticParams (`/pages/small`, `/pages/large`), the floor for a page such as a
 * monograph (`/health/[slug]`): Next matches a dynamic route and fills in its params on
 * every request: 83 µs more CPU per request than for a fixed path at 70 KiB, in each of
 * 12 rounds (2026-12-06).
 *
 * Before it is measured, the bare app serves requests rendered at run time under load, as
 * every real site does and as the portal does in the bench's warm-up (its search page
 * without JavaScript and its search API): a page of the portal's size rendered per request
 * (`/rendered`) and a route handler answering JSON (`/api/rendered`). On Node 20 the first
 * render turns on AsyncLocalStorage's promise hooks for the life of the process (measured
 * on a 31 KiB page: 462–528 µs of CPU per request before it, 563–646 µs after), a route
 * handler enables one more store, and a process that has rendered real pages collects more
 * garbage: after a warm-up of these two under load the bare app served its 109 KiB page at
 * 1,691 against 1,978 req/s, its 31 KiB page at 2,035 against 2,155 (5 rounds each,
 * interleaved, 2026-12-06), while a bare app with the portal's count of routes and
 * server actions and no such warm-up served the same as the bare app. A floor that never
 * rendered, or rendered once, is one no site that renders anything can reach; the bench
 * prints the never-rendered figure once for reference.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { getAsWrk } from "./get-as-wrk";

const root = path.resolve(__dirname, "..", "..");
/** Inside the repository (git ignores it): the bundler's root is the repository's. */
const dir = path.join(root, ".bench", "bare-next");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/**
 * Words enough for a page of about `kib` KiB of HTML (its text is in the HTML and again in
 * the inlined RSC payload). `wide`: the text has a character outside Latin-1 (an en dash),
 * which makes the whole page a two-byte string in V8 that Node transcodes to UTF-8 on
 * every response: about 60 µs more for 48 KiB. Real pages often have one (a dash, an arrow,
 * a curly quote), so a page that has one is held to bare pages that have one too.
 */
const pageSource = (kib: number, wide = false) => {
  const sentence = `Fresh vegetables, bulk grains and local cheese arrive at the store every morning ${wide ? "–" : "of"} the week. `;
  const paragraphs = Math.round((kib * 1024) / 2 / (sentence.length * 4));
  return `export default function Page() {
  return <main>{${JSON.stringify(Array.from({ length: paragraphs }, () => sentence.repeat(4)))}.map((text, i) => <p key={i}>{text}</p>)}</main>;
}
`;
};

/** The same two pages under a dynamic segment, prerendered at build time as the portal's monographs are. */
const segmentPageSource = `${pageSource(24).replace("export default function Page() {", "function Small() {")}
${pageSource(96).replace("export default function Page() {", "function Large() {")}
export function generateStaticParams() {
  return [{ slug: "small" }, { slug: "large" }];
}
export default async function Page({ params }) {
  const { slug } = await params;
  return slug === "small" ? <Small /> : <Large />;
}
`;

const runTimeRouteSource = `export const dynamic = "force-dynamic";
export function GET(request) {
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const results = Array.from({ length: 20 }, (_, i) => ({ slug: \`page-\${i}\`, title: \`Page \${i}\`, snippet: \`Fresh vegetables and \${q} arrive every morning.\` }));
  return Response.json({ query: q, results });
}
`;

/** A page's size as wrk receives it, and whether its text has characters outside Latin-1 (see `pageSource`). */
export async function bodyOf(url: string) {
  const body = (await getAsWrk(url)).body;
  return { bytes: body.length, wide: /[^\u0000-\u00ff]/.test(body.toString("utf8")) };
}

export type BarePage = { path: string; bytes: number };
/** Two pages of known sizes, of one kind of route. */
export type BarePair = { small: BarePage; large: BarePage };
/** `wide`: the fixed pages again, with a character outside Latin-1 (see `pageSource`). */
/** `runTime`: the paths answered per request, loaded in the warm-up (see above). */
export type BareNext = { url: string; fixed: BarePair; wide: BarePair; segment: BarePair; runTime: string[]; stop: () => void };

function freePort() {
  return new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Writes and builds the bare app (about half a minute), starts it, and measures its two pages. */
export async function startBareNext(): Promise<BareNext> {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "app"), { recursive: true });
  // Next's defaults but for the two response settings the portal changes (next.config.js
  // says why): no ETag, for which Next hashes every body it sends (10–20 µs per request on
  // these pages), and no X-Powered-By. The floor then sends what the portal sends.
  fs.writeFileSync(path.join(dir, "next.config.js"), "module.exports = { generateEtags: false, poweredByHeader: false };\n");
  // Without a hook of its own, the build inside this repository compiles the portal's
  // instrumentation.ts into the bare app (its chunks' source maps point at it)
  // and the bare server runs it: the request wrappers, and the email worker, campaign sender,
  // election opener and maintenance on a database it creates under .bench/bare-next/data.
  // (The portal's proxy.ts is compiled in too but never registered: no matcher in the bare
  // app's functions-config-manifest.json, so it never runs.)
  fs.writeFileSync(path.join(dir, "instrumentation.js"), "export function register() {}\n");
  fs.writeFileSync(path.join(dir, "app", "layout.js"), 'export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n');
  // The wide pair is closer together: Node's cost for such a page jumps with its size
  // (throughput 2 % below an ASCII page at 31 KB, 17 % at 45 KB, 14 % at 58 KB, 39 % at
  // 85 KB; 2026-12-06), so a line through pages far apart would misplace the floor. Its
  // two pages bracket the portal's pages that have such a character (39–59 KiB).
  for (const [name, kib, wide] of [["small", 24, false], ["large", 96, false], ["wide-small", 30, true], ["wide-large", 50, true]] as const) {
    fs.mkdirSync(path.join(dir, "app", name), { recursive: true });
    fs.writeFileSync(path.join(dir, "app", name, "page.js"), pageSource(kib, wide));
  }
  fs.mkdirSync(path.join(dir, "app", "pages", "[slug]"), { recursive: true });
  fs.writeFileSync(path.join(dir, "app", "pages", "[slug]", "page.js"), segmentPageSource);
  // Rendered per request, of about the size of the portal's search page without JavaScript.
  fs.mkdirSync(path.join(dir, "app", "rendered"), { recursive: true });
  fs.writeFileSync(path.join(dir, "app", "rendered", "page.js"), `export const dynamic = "force-dynamic";\n${pageSource(30, true)}`);
  // Twenty results of about the search API's size, for the query it is asked.
  fs.mkdirSync(path.join(dir, "app", "api", "rendered"), { recursive: true });
  fs.writeFileSync(path.join(dir, "app", "api", "rendered", "route.js"), runTimeRouteSource);
  const started = Date.now();
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: dir, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`The bare Next app did not build:\n${build.stdout}\n${build.stderr}`);
  console.log(`Built the bare Next.js app (the floor) in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { cwd: dir, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/small`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("The bare Next app did not start");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const measure = async (pagePath: string): Promise<BarePage> => ({ path: pagePath, bytes: (await bodyOf(`${url}${pagePath}`)).bytes });
  return {
    url,
    fixed: { small: await measure("/small"), large: await measure("/large") },
    wide: { small: await measure("/wide-small"), large: await measure("/wide-large") },
    segment: { small: await measure("/pages/small"), large: await measure("/pages/large") },
    runTime: ["/rendered", "/api/rendered?q=ginger"],
    stop: () => child.kill("SIGTERM"),
  };
}

/** Checks that the bare app's run-time paths answer (a failing one would warm up nothing). */
export async function checkRunTimePaths(bare: BareNext) {
  for (const runTimePath of bare.runTime) {
    const { status } = await getAsWrk(`${bare.url}${runTimePath}`);
    if (status !== 200) throw new Error(`The bare app's ${runTimePath} answered ${status}`);
  }
}

/**
 * Requests per second the bare app would serve for a page of `bytes`: time per request is
 * taken as linear in the page's size, through the two pages measured (`small`, `large`).
 */
export function floorFor(bytes: number, small: { bytes: number; rps: number }, large: { bytes: number; rps: number }) {
  const [ts, tl] = [1 / small.rps, 1 / large.rps];
  const t = ts + ((tl - ts) * (bytes - small.bytes)) / (large.bytes - small.bytes);
  return 1 / Math.max(t, ts / 2);
}
