import { startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";

// A portal of its own whose SITE_URL is https (the test still talks plain http to it, as
// nginx does behind TLS). The https parts of the headers follow SITE_URL when the server
// starts: the same build serves both, and the launcher must not rebuild for it.
jest.setTimeout(180_000);

let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ dataDir: temporaryDataDir("security-headers-https"), env: { SITE_URL: "https://coop.example" } });
});
afterAll(async () => {
  await portal?.stop();
});

const get = (path: string) => fetch(`${portal.url}${path}`, { redirect: "manual" });

describe("security headers when the site is on https", () => {
  it("started on the suite's build, without building again", () => {
    expect(portal.output()).not.toMatch(/Building the portal/);
  });

  it.each(["/", "/about", "/health/prolotherapy", "/api/health", "/jobs/feed.xml", "/login", "/staff"])(
    "%s carries HSTS and exactly one policy",
    async (path) => {
      const response = await get(path);
      expect(response.status).toBeLessThan(400);
      expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d+; includeSubDomains$/);
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).not.toBe("");
      expect(csp).not.toContain(",");
    },
  );

  it("pages ask the browser to upgrade insecure requests; files keep the policy that allows nothing", async () => {
    for (const path of ["/", "/login"]) expect((await get(path)).headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    expect((await get("/api/health")).headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
  });
});
