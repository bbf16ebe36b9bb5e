import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { startPortal, temporaryDataDir } from "./__tests__/helpers/portal-server";
const ticks = (pid: number) => { const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return Number(f[11]) + Number(f[12]); };
const childrenOf = (pid: number): number[] => { try { return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number).flatMap((c) => [c, ...childrenOf(c)]); } catch { return []; } };
const allTicks = (pid: number) => [pid, ...childrenOf(pid)].reduce((s, p) => { try { return s + ticks(p); } catch { return s; } }, 0);
async function serve(cwd: string, port: number, env: Record<string, string>) {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next".startsWith("/") ? "" : `${process.cwd()}/node_modules/next/dist/bin/next`, "start", "-p", String(port)], { cwd, env: { ...process.env, NODE_ENV: "production", ...env }, stdio: "ignore" });
  for (;;) { try { if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) break; } catch {} await new Promise((r) => setTimeout(r, 300)); }
  return child;
}
function measure(pid: number, url: string) {
  execFileSync("/usr/bin/wrk", ["-t1", "-c20", "-d2s", url]);
  const before = allTicks(pid);
  const out = execFileSync("/usr/bin/wrk", ["-t1", "-c20", "-d4s", url], { encoding: "utf8" });
  const used = (allTicks(pid) - before) * 10; // ms (100 Hz)
  const requests = Number(/(\d+) requests in/.exec(out)![1]);
  return { url: url.replace(/http:\/\/127.0.0.1:\d+/, ""), cpuUsPerRequest: Math.round((used * 1000) / requests), rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)![1]) };
}
async function main() {
  const dataDir = temporaryDataDir("cpu");
  await (await startPortal({ dataDir })).stop();
  const ours = await serve(process.cwd(), 3931, { DATA_DIR: dataDir, SITE_URL: "http://127.0.0.1:3931" });
  const bare = await serve(`${process.cwd()}/.bench/bare-next`, 3932, {});
  for (let round = 0; round < 3; round++) {
    for (const [pid, url] of [[bare.pid!, "http://127.0.0.1:3932/small"], [bare.pid!, "http://127.0.0.1:3932/large"], [ours.pid!, "http://127.0.0.1:3931/bench"], [ours.pid!, "http://127.0.0.1:3931/about"], [ours.pid!, "http://127.0.0.1:3931/health/prolotherapy"]] as const) console.log(JSON.stringify(measure(pid, url)));
  }
  ours.kill(); bare.kill();
}
main().catch((e) => { console.error(e); process.exit(1); });
