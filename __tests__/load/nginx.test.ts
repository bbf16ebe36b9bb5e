import { execFileSync } from "node:child_process";
import http from "node:http";
import { callAction, hasField, scrapeForm } from "../helpers/forms";
import { cachedCopies, missingNginx, nginxBinary, startNginx, type RunningNginx } from "../helpers/nginx";
import { withPortalDb } from "../helpers/portal";
import { freePort, startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";
import { publicPagePaths } from "../helpers/public-pages";
import { concreteUrl, routeFiles } from "../helpers/routes";
import { storedSessionCookie } from "../helpers/stored-session";
import { waitFor } from "../helpers/wait-for";

// docs/nginx.conf as a co-op installs it (only ports and folders moved), in front of a
// portal run with TRUST_PROXY=1 (docs/deploying-behind-nginx.md). In the load suite:
// it needs Debian's nginx, which .ci/run installs before this suite.
jest.setTimeout(5 * 60_000);

const SIGNIN_LIMIT = 2;
let portal: RunningPortal;
let nginx: RunningNginx;
let staff: string;

beforeAll(async () => {
  if (!nginxBinary) throw new Error(missingNginx);
  const listenPort = await freePort();
  portal = await startPortal({
    dataDir: temporaryDataDir("behind-nginx"),
    // Links and the Origin of server actions are nginx's address, as on a real site.
    env: { DEMO: "1", TRUST_PROXY: "1", SITE_URL: `http://127.0.0.1:${listenPort}`, SIGNIN_LIMIT_PER_IP: String(SIGNIN_LIMIT) },
  });
  nginx = await startNginx({ portalPort: Number(new URL(portal.url).port), listenPort });
  // The shared helpers (forms, stored sessions) speak to the site through nginx.
  Object.assign(process.env, { PORTAL_URL: nginx.url, PORTAL_DATA_DIR: portal.dataDir });
  staff = storedSessionCookie("nginx-staff@coop.example", "staff");
});

afterAll(async () => {
  await nginx?.stop();
  await portal?.stop();
});

type Answer = { status: number; cache: string | undefined; cacheControl: string | undefined; body: string };

/**
 * One request to nginx, like curl: no Accept-Encoding unless given, from `from` (any
 * 127.x.y.z address is this machine, so the test can be several clients of nginx).
 */
function request(path: string, options: { cookie?: string; from?: string; method?: string; body?: string; headers?: Record<string, string> } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = http.request(
      `${nginx.url}${path}`,
      {
        method: options.method ?? "GET",
        localAddress: options.from,
        headers: { ...options.headers, ...(options.cookie && { Cookie: options.cookie }) },
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode!,
            cache: response.headers["x-cache-status"] as string | undefined,
            cacheControl: response.headers["cache-control"],
            body,
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

const copyOf = (path: string) => cachedCopies(nginx.cacheDir).find((copy) => copy.key.endsWith(`127.0.0.1${path}`));

/**
 * The copy of an answer nginx was told it may keep, or undefined. nginx moves its file
 * into the cache only after the last byte has gone to the client: it is waited for.
 */
const keptCopyOf = (path: string) => waitFor(`nginx's copy of ${path}`, () => copyOf(path), 1_000, 20).catch(() => undefined);

describe("public pages through nginx", () => {
  it("are answered from nginx's cache the second time, with the page the portal serves", async () => {
    const first = await request("/about");
    const second = await request("/about");
    expect([first.status, first.cache, second.status, second.cache]).toEqual([200, "MISS", 200, "HIT"]);
    const title = withPortalDb((db) => db.prepare("select title from pages where slug = 'about'").pluck().get()) as string;
    expect(second.body).toContain(title);
    const direct = await (await fetch(`${portal.url}/about`, { headers: { "Accept-Encoding": "identity" } })).text();
    expect(second.body).toBe(direct);
  });

  it("keep each query string apart: one search's copy never answers another", async () => {
    await request("/health/search?q=ginger");
    expect((await request("/health/search?q=ginger")).cache).toBe("HIT");
    expect((await request("/health/search?q=nettle")).cache).toBe("MISS");
  });

  // A real minute is not waited for. What makes the edit show within it is proven in
  // parts: nginx wrote the copy's expiry as stored-at + 60 s from the portal's s-maxage
  // (its own record, which decides HIT or EXPIRED), with five minutes of stale-while-
  // updating after it; the portal itself serves the edit at once, so the copy nginx
  // fetches when the minute is up is the edited page; and staff, signed in, bypass the
  // cache and see the edit at the next request.
  it("a staff edit: staff see it at once, everyone else when nginx's copy reaches the portal's minute", async () => {
    const path = "/about/board";
    await request(path);
    expect((await request(path)).cache).toBe("HIT");

    const form = await scrapeForm("/staff/pages/about/board", staff, hasField("slug", "about/board"));
    const marker = `nginx-edit-${Date.now()}`;
    const before = withPortalDb((db) => db.prepare("select markdown from pages where slug = 'about/board'").pluck().get()) as string;
    await callAction("/staff/pages/about/board", { ...form, markdown: `${before}\n\n${marker}` }, staff);
    expect(withPortalDb((db) => db.prepare("select markdown from pages where slug = 'about/board'").pluck().get())).toContain(marker);

    const asStaff = await request(path, { cookie: staff });
    expect(asStaff.cache).toBe("BYPASS");
    expect(asStaff.body).toContain(marker);
    const fromPortal = await (await fetch(`${portal.url}${path}`)).text();
    expect(fromPortal).toContain(marker);

    const anonymous = await request(path);
    expect(anonymous.cache).toBe("HIT");
    expect(anonymous.body).not.toContain(marker);
    expect(anonymous.cacheControl).toBe("s-maxage=60, stale-while-revalidate=300");
    const copy = copyOf(path)!;
    // valid_sec is taken as nginx reads the headers, the stored-at time as it sends the body: one second apart at most.
    expect(copy.validUntil - copy.storedAt).toBeGreaterThanOrEqual(59);
    expect(copy.validUntil - copy.storedAt).toBeLessThanOrEqual(60);
    expect(copy.staleWhileUpdatingUntil - copy.validUntil).toBe(300);
  });
});

describe("what nginx keeps, and for how long", () => {
  it("no page or feed a visitor can open is kept longer than the portal's minute", async () => {
    const feeds = routeFiles()
      .filter(({ kind, pattern }) => kind === "handler" && pattern.endsWith(".xml"))
      .map(({ pattern }) => concreteUrl(pattern));
    const kept: Record<string, number> = {};
    for (const path of [...publicPagePaths(), ...feeds]) {
      const answer = await request(path);
      const copy = answer.cacheControl?.includes("s-maxage") ? await keptCopyOf(path) : copyOf(path);
      if (copy) kept[path] = copy.validUntil - copy.storedAt;
    }
    expect(Object.entries(kept).filter(([, seconds]) => seconds > 60)).toEqual([]);
    // The point of nginx: the prerendered pages and the feeds are kept, not passed through.
    for (const path of ["/", "/about", "/health", "/jobs", "/newsletter", "/owners/apply", ...feeds]) expect(kept).toHaveProperty([path]);
  });

  it("purged as docs/deploying-behind-nginx.md says (every variant's file deleted), a page is fetched again", async () => {
    for (const encoding of ["identity", "gzip", "identity"]) await request("/owners", { headers: { "Accept-Encoding": encoding } });
    expect((await request("/owners", { headers: { "Accept-Encoding": "gzip" } })).cache).toBe("HIT");
    execFileSync("sh", ["-c", `grep -rla '^KEY: http127.0.0.1/owners$' '${nginx.cacheDir}' | xargs -r rm --`]);
    expect((await request("/owners")).cache).toBe("MISS");
    expect((await request("/owners", { headers: { "Accept-Encoding": "gzip" } })).cache).toBe("MISS");
  });
});

describe("private pages through nginx", () => {
  const privatePaths = [
    "/account",
    "/staff",
    "/staff/pages",
    "/login",
    `/newsletter/preferences?token=${"ab".repeat(32)}`,
    "/api/staff/jobs",
    "/health/search/results?q=ginger",
  ];

  it.each(privatePaths)("%s is never stored, signed in or not (redirects and refusals included)", async (path) => {
    const anonymous = [await request(path), await request(path)];
    expect(anonymous.map((answer) => answer.cache)).toEqual(["MISS", "MISS"]);
    const signedIn = [await request(path, { cookie: staff }), await request(path, { cookie: staff })];
    expect(signedIn.map((answer) => answer.cache)).toEqual(["BYPASS", "BYPASS"]);
    // nginx's own files, not only its header: nothing under this address was written.
    expect(copyOf(path)).toBeUndefined();
  });

  it("a signed-in person's view of a public page is not stored for others", async () => {
    const member = storedSessionCookie("nginx-member@coop.example", "member");
    // An address of its own: the public page itself is stored by the tests above.
    const path = "/visit?from=member";
    expect((await request(path, { cookie: `theme=light; ${member}` })).cache).toBe("BYPASS");
    expect(copyOf(path)).toBeUndefined();
    expect((await request(path)).cache).toBe("MISS");
  });
});

describe("X-Forwarded-For through nginx", () => {
  async function askForLinks(from: string, forwardedFor: (n: number) => string, count: number) {
    const statuses = [];
    for (let n = 0; n < count; n++) {
      const answer = await request("/api/auth/signin/email", {
        method: "POST",
        from,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwardedFor(n) },
        body: new URLSearchParams({ email: `nginx-${from}-${n}@coop.example` }).toString(),
      });
      statuses.push(answer.status);
    }
    return statuses;
  }

  it("the portal counts the client nginx saw: not nginx itself, and not what the client wrote", async () => {
    // One client making up a new address for every request is still one client.
    expect(await askForLinks("127.0.0.2", (n) => `203.0.113.${n}`, SIGNIN_LIMIT + 1)).toEqual([200, 200, 429]);
    // Another client behind the same nginx has its own count.
    expect(await askForLinks("127.0.0.3", (n) => `203.0.113.${n}`, 1)).toEqual([200]);
  });
});
