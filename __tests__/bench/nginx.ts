/**
 * `npm run bench -- nginx`: public pages through the shipped docs/nginx.conf's cache,
 * beside the same nginx serving a static file of the very same bytes (the most nginx
 * can do with a page of that size on this machine), measured in alternation in one run;
 * and the portal alone for the same page.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startNginx } from "../helpers/nginx";
import { getAsWrk } from "./get-as-wrk";
import { startPortal, temporaryDataDir, freePort } from "../helpers/portal-server";

const WRK = "/usr/bin/wrk";
const WRK_ARGS = ["-t1", "-c20", "-d3s"];
/** Measures of each page through the cache, each followed by one of its static twin. */
const ROUNDS = 3;
const pages = ["/", "/about", "/health/prolotherapy", "/jobs"];

function requestsPerSecond(url: string) {
  const out = execFileSync(WRK, [...WRK_ARGS, url], { encoding: "utf8" });
  const failures = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out);
  if (failures) throw new Error(`wrk ${url}: ${failures[0]}`);
  return Number(/^Requests\/sec:\s+([\d.]+)/m.exec(out)?.[1]);
}


const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (value: number) => `${Math.round(value).toLocaleString("en")} req/s`;

export async function nginxBenchmark() {
  if (!fs.existsSync(WRK)) throw new Error("wrk is not installed: apt-get install wrk");
  const version = spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr.trim();
  const dataDir = temporaryDataDir("bench-nginx");
  const staticRoot = temporaryDataDir("bench-static");
  const portal = await startPortal({ dataDir, env: { DEMO: "1", TRUST_PROXY: "1" } });
  const staticPort = await freePort();
  // Logged like the portal's server block, so that the two differ only in where the bytes come from.
  const nginx = await startNginx({
    portalPort: Number(new URL(portal.url).port),
    extraHttp: `server { listen 127.0.0.1:${staticPort}; root ${staticRoot}; access_log ${path.join(staticRoot, "access.log")} coop_portal; }`,
  });
  try {
    console.log(`\n${version} in front of next start (docs/nginx.conf), wrk ${WRK_ARGS.join(" ")}, ${ROUNDS} rounds alternating with the static file`);
    console.log(`  ${"page".padEnd(22)} ${"bytes".padStart(7)}  ${"nginx's cache".padStart(13)}  ${"static file".padStart(13)}  ratio (range)        ${"portal alone".padStart(13)}`);
    for (const page of pages) {
      await getAsWrk(`${nginx.url}${page}`);
      const cached = await getAsWrk(`${nginx.url}${page}`);
      const cacheStatus = cached.headers["x-cache-status"];
      if (cacheStatus !== "HIT") throw new Error(`${page} was not answered from nginx's cache (${cacheStatus})`);
      const file = `page-${pages.indexOf(page)}.html`;
      fs.writeFileSync(path.join(staticRoot, file), cached.body);
      const staticUrl = `http://127.0.0.1:${staticPort}/${file}`;
      requestsPerSecond(`${nginx.url}${page}`); // warm up both
      requestsPerSecond(staticUrl);
      const throughCache: number[] = [];
      const fromFile: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        throughCache.push(requestsPerSecond(`${nginx.url}${page}`));
        fromFile.push(requestsPerSecond(staticUrl));
      }
      const ratios = throughCache.map((value, index) => value / fromFile[index]!);
      const alone = requestsPerSecond(`${portal.url}${page}`);
      const range = `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
      console.log(
        `  ${page.padEnd(22)} ${cached.body.length.toLocaleString("en").padStart(7)}  ${perSecond(median(throughCache)).padStart(13)}  ${perSecond(median(fromFile)).padStart(13)}  ` +
          `${`${median(ratios).toFixed(2)}× (${range})`.padEnd(19)}  ${perSecond(alone).padStart(13)}`,
      );
    }
  } finally {
    await nginx.stop();
    await portal.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(staticRoot, { recursive: true, force: true });
  }
}
