import { execFileSync, spawn } from "node:child_process";
import { startPortal, temporaryDataDir } from "./__tests__/helpers/portal-server";
async function profile(cwd: string, port: number, env: Record<string, string>, path: string, dir: string) {
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${dir}`, `${process.cwd()}/node_modules/next/dist/bin/next`, "start", "-p", String(port)], { cwd, env: { ...process.env, NODE_ENV: "production", ...env }, stdio: "ignore" });
  for (;;) { try { if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) break; } catch {} await new Promise((r) => setTimeout(r, 300)); }
  for (let i = 0; i < 2; i++) execFileSync("/usr/bin/wrk", ["-t1", "-c20", "-d3s", `http://127.0.0.1:${port}${path}`]);
  const out = execFileSync("/usr/bin/wrk", ["-t1", "-c20", "-d8s", `http://127.0.0.1:${port}${path}`], { encoding: "utf8" });
  console.log(path, /Requests\/sec:\s+([\d.]+)/.exec(out)![1], /(\d+) requests in/.exec(out)![1]);
  child.kill("SIGINT");
  await new Promise((r) => child.on("exit", r));
}
async function main() {
  const dataDir = temporaryDataDir("prof2");
  await (await startPortal({ dataDir })).stop();
  await profile(`${process.cwd()}/.bench/bare-next`, 3942, {}, "/small", "/tmp/prof-bare");
  await profile(process.cwd(), 3941, { DATA_DIR: dataDir, SITE_URL: "http://127.0.0.1:3941" }, "/bench", "/tmp/prof-ours");
}
main().catch((e) => { console.error(e); process.exit(1); });
