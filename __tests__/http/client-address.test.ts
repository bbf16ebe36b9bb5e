import { applicationFields, submitApplication, withOwnPortal } from "../helpers/owners";
import { startPortal, temporaryDataDir, type RunningPortal } from "../helpers/portal-server";

// Starts its own portals with a small per-address limit on sign-in links.
jest.setTimeout(180_000);

const LIMIT = 3;

async function linkRequests(portal: RunningPortal, forwardedFor: (n: number) => string, count: number) {
  const statuses = [];
  for (let n = 0; n < count; n++) {
    const response = await fetch(`${portal.url}/api/auth/signin/email`, {
      method: "POST",
      body: new URLSearchParams({ email: `address-${Date.now()}-${n}@coop.example` }),
      headers: { "X-Forwarded-For": forwardedFor(n), "X-Portal-Socket-Address": `198.51.100.${n}` },
    });
    statuses.push(response.status);
  }
  return statuses;
}

describe("the client address of per-address limits", () => {
  it("served directly (TRUST_PROXY=0), is the socket's: made-up X-Forwarded-For and address headers change nothing", async () => {
    const portal = await startPortal({ dataDir: temporaryDataDir("direct"), env: { SIGNIN_LIMIT_PER_IP: String(LIMIT) } });
    try {
      expect(await linkRequests(portal, (n) => `10.9.8.${n}`, LIMIT + 2)).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await portal.stop();
    }
  });

  it("behind one reverse proxy (TRUST_PROXY=1), is the entry the proxy appended", async () => {
    const portal = await startPortal({ dataDir: temporaryDataDir("proxied"), env: { SIGNIN_LIMIT_PER_IP: String(LIMIT), TRUST_PROXY: "1" } });
    try {
      // Each request from a different client, as the proxy reports them: none is limited.
      expect(await linkRequests(portal, (n) => `1.2.3.4, 192.0.2.${n}`, LIMIT + 2)).toEqual([200, 200, 200, 200, 200]);
      // One client forging the part before the proxy's entry: limited after three.
      expect(await linkRequests(portal, (n) => `10.9.8.${n}, 192.0.2.200`, LIMIT + 1)).toEqual([200, 200, 200, 429]);
    } finally {
      await portal.stop();
    }
  });

  it("behind a proxy, counts an IPv6 client by its /64 (the rest of the address is the client's to change) and an IPv4-mapped one as IPv4", async () => {
    await withOwnPortal("ipv6-blocks", { TRUST_PROXY: "1", PUBLIC_FORM_LIMIT_PER_IP: "2", SIGNIN_LIMIT_PER_IP: "2" }, async (portal) => {
      const thanks = { redirect: "/owners/apply/thanks" };
      const apply = (from: string) => submitApplication(applicationFields(`block-${Date.now()}-${Math.random()}@coop.example`), { "X-Forwarded-For": from });
      expect(await apply("2001:db8:1:2::1")).toEqual(thanks);
      expect(await apply("2001:db8:1:2::ffff")).toEqual(thanks);
      expect(await apply("2001:db8:1:2:aaaa::9")).toMatchObject({ ok: false, code: "rate_limited" });
      expect(await apply("2001:db8:1:3::1")).toEqual(thanks);

      const sameBlock = ["2001:db8:5:6::1", "2001:db8:5:6::2", "[2001:db8:5:6:ffff::3]"];
      expect(await linkRequests(portal, (n) => sameBlock[n]!, 3)).toEqual([200, 200, 429]);
      const mapped = ["192.0.2.7", "::ffff:192.0.2.7", "::ffff:c000:207"];
      expect(await linkRequests(portal, (n) => mapped[n]!, 3)).toEqual([200, 200, 429]);
    });
  });
});
