import { applicationFields, submitApplication, withOwnPortal } from "../helpers/owners";
import type { RunningPortal } from "../helpers/portal-server";

// How an address is read from a proxy chain and counted (by its /64 for IPv6) is proven
// case by case in unit/client-ip.test.ts and unit/limit-address.test.ts; served directly,
// the made-up headers change nothing (rate-limits.test.ts). Here, one portal behind a
// proxy shows that TRUST_PROXY and the counting reach both kinds of limits.
jest.setTimeout(180_000);

const LIMIT = 2;

async function linkRequests(portal: RunningPortal, forwardedFor: (n: number) => string, count: number) {
  const statuses = [];
  for (let n = 0; n < count; n++) {
    const response = await fetch(`${portal.url}/api/auth/signin/email`, {
      method: "POST",
      body: new URLSearchParams({ email: `address-${Date.now()}-${n}@coop.example` }),
      headers: { "X-Forwarded-For": forwardedFor(n) },
    });
    statuses.push(response.status);
  }
  return statuses;
}

it("behind one reverse proxy (TRUST_PROXY=1), counts the client the proxy reported, an IPv6 one by its /64", async () => {
  await withOwnPortal("proxied", { TRUST_PROXY: "1", PUBLIC_FORM_LIMIT_PER_IP: String(LIMIT), SIGNIN_LIMIT_PER_IP: String(LIMIT) }, async (portal) => {
    // Each request from a different client, as the proxy reports them: none is limited.
    expect(await linkRequests(portal, (n) => `1.2.3.4, 192.0.2.${n}`, LIMIT + 2)).toEqual([200, 200, 200, 200]);
    // One client forging the part before the proxy's entry: limited after two.
    expect(await linkRequests(portal, (n) => `10.9.8.${n}, 192.0.2.200`, LIMIT + 1)).toEqual([200, 200, 429]);
    // Three addresses of one /64, to the sign-in links and to a public form.
    expect(await linkRequests(portal, (n) => ["2001:db8:5:6::1", "2001:db8:5:6::2", "2001:db8:5:6:ffff::3"][n]!, LIMIT + 1)).toEqual([200, 200, 429]);
    const apply = (from: string) => submitApplication(applicationFields(`block-${Date.now()}-${Math.random()}@coop.example`), { "X-Forwarded-For": from });
    expect(await apply("2001:db8:1:2::1")).toEqual({ redirect: "/owners/apply/thanks" });
    expect(await apply("2001:db8:1:2::ffff")).toEqual({ redirect: "/owners/apply/thanks" });
    expect(await apply("2001:db8:1:2:aaaa::9")).toMatchObject({ ok: false, code: "rate_limited" });
  });
});
