import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort, temporaryDataDir } from "./portal-server";

const root = path.resolve(__dirname, "..", "..");

/** The configuration a co-op copies (docs/deploying-behind-nginx.md). */
export const shippedConfig = path.join(root, "docs", "nginx.conf");

export const nginxBinary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => fs.existsSync(file));

export const missingNginx = "nginx is not installed: apt-get install nginx-light (Debian's package; CI installs it in .ci/run)";

export type RunningNginx = {
  url: string;
  /** Where the shipped configuration's proxy_cache_path points in this run. */
  cacheDir: string;
  output: () => string;
  stop: () => Promise<void>;
};

/** Replaces `from` in `text`, which must hold it exactly once: the shipped file changing shape fails here, by name. */
function replaceOnce(text: string, from: string, to: string) {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`docs/nginx.conf should contain "${from}" once, found ${count}`);
  return text.replace(from, to);
}

/**
 * The shipped docs/nginx.conf as a co-op installs it, with only what a test run must move:
 * the port it listens on, the portal's port, and files under `prefix` instead of /var.
 */
export function renderShippedConfig(options: { listenPort: number; portalPort: number; prefix: string }) {
  let text = fs.readFileSync(shippedConfig, "utf8");
  text = replaceOnce(text, "listen 80;", `listen 127.0.0.1:${options.listenPort};`);
  text = replaceOnce(text, "listen [::]:80;", "");
  text = replaceOnce(text, "server 127.0.0.1:3000;", `server 127.0.0.1:${options.portalPort};`);
  text = replaceOnce(text, "/var/cache/nginx/coop-portal", path.join(options.prefix, "cache"));
  text = replaceOnce(text, "/var/log/nginx/coop-portal.access.log", path.join(options.prefix, "access.log"));
  return text;
}

/**
 * Starts nginx in the foreground (`daemon off`, a child of this process) with the shipped
 * configuration inside an http block like Debian's /etc/nginx/nginx.conf, everything it
 * writes under a temporary prefix. `extraHttp` is added to the http block (the bench's
 * static-file server). Resolves once the port answers.
 */
export async function startNginx(options: { portalPort: number; listenPort?: number; extraHttp?: string }): Promise<RunningNginx> {
  if (!nginxBinary) throw new Error(missingNginx);
  const prefix = temporaryDataDir("nginx");
  for (const folder of ["cache", "temp"]) fs.mkdirSync(path.join(prefix, folder));
  const listenPort = options.listenPort ?? (await freePort());
  const temp = (name: string) => path.join(prefix, "temp", name);
  // Workers run as the user named here: root's temporary folders are closed to Debian's www-data.
  const user = process.getuid?.() === 0 ? "user root;" : "";
  const config = `
daemon off;
worker_processes 1;
pid ${path.join(prefix, "nginx.pid")};
error_log stderr warn;
${user}
events { worker_connections 1024; }
http {
  sendfile on;
  tcp_nopush on;
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  gzip on;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
${renderShippedConfig({ listenPort, portalPort: options.portalPort, prefix })}
${options.extraHttp ?? ""}
}
`;
  const configFile = path.join(prefix, "nginx.conf");
  fs.writeFileSync(configFile, config);
  let output = "";
  const child = spawn(nginxBinary, ["-p", prefix, "-c", configFile, "-e", "stderr"], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGQUIT");
    await exited;
  };
  const url = `http://127.0.0.1:${listenPort}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited early:\n${output}`);
    const answered = await fetch(`${url}/api/health`).then(
      (response) => response.arrayBuffer().then(() => true),
      () => false,
    );
    if (answered) return { url, cacheDir: path.join(prefix, "cache"), output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`nginx did not answer in time:\n${output}`);
}

/** One stored copy in nginx's cache: its key, and the times nginx wrote in its header. */
export type CachedCopy = { key: string; storedAt: number; validUntil: number; staleWhileUpdatingUntil: number };

/**
 * Every copy nginx has stored, read from its cache files (nginx 1.x on 64-bit Linux: a
 * header of version 5, then time_t valid_sec, updating_sec, error_sec, last_modified and
 * date, then "\nKEY: <key>\n"). nginx decides a copy's freshness by valid_sec, which it set
 * from the response's Cache-Control when it stored it.
 */
export function cachedCopies(cacheDir: string): CachedCopy[] {
  const copies: CachedCopy[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/^[0-9a-f]{32}$/.test(entry.name)) {
        const data = fs.readFileSync(file);
        const version = Number(data.readBigUInt64LE(0));
        if (version !== 5) throw new Error(`nginx cache header version ${version}: cachedCopies reads version 5`);
        const key = /\nKEY: ([^\n]*)\n/.exec(data.toString("latin1"))?.[1] ?? "";
        const time = (offset: number) => Number(data.readBigInt64LE(offset));
        copies.push({ key, validUntil: time(8), staleWhileUpdatingUntil: time(8) + time(16), storedAt: time(40) });
      }
    }
  };
  walk(cacheDir);
  return copies;
}
