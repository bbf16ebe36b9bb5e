import { NextRequest } from "next/server";
import { proxy, config } from "@/proxy";
import { contentSecurityPolicy, fixedSecurityHeaders, isNonDocumentPath, isPrivatePath, newNonce, nonDocumentPolicy, privatePathPrefixes } from "@/lib/security-headers";

function directive(csp: string, name: string) {
  return csp.split("; ").find((part) => part.startsWith(`${name} `)) ?? "";
}

describe("contentSecurityPolicy", () => {
  it("with a nonce (private pages): scripts only by that nonce, no unsafe-inline, no unsafe-eval", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    const scripts = directive(csp, "script-src");
    expect(scripts).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
  });

  it("without a nonce (prerendered pages): inline scripts allowed, everything else as strict", () => {
    const csp = contentSecurityPolicy({ dev: false, https: false });
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain("nonce-");
    expect(csp).not.toContain("unsafe-eval");
    for (const strict of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
      expect(csp.split("; ")).toContain(strict);
    }
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ dev: true, https: false })).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is fresh each time and long enough not to be guessed", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("isPrivatePath", () => {
  it("covers the staff area, the account and sign-in, and nothing that only starts alike", () => {
    for (const path of ["/staff", "/staff/pages/about", "/account", "/login", "/login/verify"]) expect(isPrivatePath(path)).toBe(true);
    for (const path of ["/", "/about", "/staffing", "/accounts", "/login-help", "/health/staff"]) expect(isPrivatePath(path)).toBe(false);
  });
});

describe("isNonDocumentPath", () => {
  it("covers feeds, files and JSON, and no page", () => {
    for (const path of ["/jobs/feed.xml", "/sitemap.xml", "/robots.txt", "/api/health", "/newsletter/issues/2026-08-01-x", "/staff/owners/export.csv", "/staff/jobs/applicants/4/resume"]) {
      expect(isNonDocumentPath(path)).toBe(true);
    }
    for (const path of ["/", "/newsletter/issues", "/staff/owners", "/staff/jobs/applicants/4", "/jobs/cashier"]) expect(isNonDocumentPath(path)).toBe(false);
  });
});

describe("fixedSecurityHeaders", () => {
  const policyOf = (headers: readonly (readonly [string, string])[]) => headers.filter(([name]) => name === "Content-Security-Policy").map(([, value]) => value);
  const names = (headers: readonly (readonly [string, string])[]) => headers.map(([name]) => name);

  it("gives a public page the fixed page policy, a file the one that allows nothing, and each exactly one", () => {
    const headersFor = fixedSecurityHeaders({ dev: false, https: false });
    expect(policyOf(headersFor("/about"))).toEqual([contentSecurityPolicy({ dev: false, https: false })]);
    expect(policyOf(headersFor("/health/prolotherapy"))).toEqual([contentSecurityPolicy({ dev: false, https: false })]);
    for (const path of ["/api/health", "/jobs/feed.xml", "/newsletter/issues/2026-08-01-x"]) expect(policyOf(headersFor(path))).toEqual([nonDocumentPolicy]);
    for (const path of ["/", "/api/health"]) {
      expect(names(headersFor(path))).toEqual(expect.arrayContaining(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy"]));
      expect(names(headersFor(path))).not.toContain("Strict-Transport-Security");
    }
  });

  it("leaves the policy of private and sign-in paths, files included, to proxy.ts", () => {
    const headersFor = fixedSecurityHeaders({ dev: false, https: true });
    for (const path of ["/staff", "/staff/owners/export.csv", "/account", "/login/check-email"]) {
      expect(policyOf(headersFor(path))).toEqual([]);
      expect(names(headersFor(path))).toContain("X-Frame-Options");
      expect(names(headersFor(path))).not.toContain("Strict-Transport-Security");
    }
  });

  it("adds HSTS and upgrade-insecure-requests only when the site is on https", () => {
    const headersFor = fixedSecurityHeaders({ dev: false, https: true });
    for (const path of ["/", "/api/health"]) expect(names(headersFor(path))).toContain("Strict-Transport-Security");
    expect(policyOf(headersFor("/"))[0]).toContain("upgrade-insecure-requests");
  });
});

describe("proxy", () => {
  const originalSiteUrl = process.env.SITE_URL;
  afterEach(() => {
    process.env.SITE_URL = originalSiteUrl;
  });

  it("is matched only on private and sign-in paths, and the unsubscribe page (for RFC 8058 one-click POSTs)", () => {
    const [privatePaths, ...others] = config.matcher;
    const areas = /^\/:area\(([a-z|]+)\)\/:path\*$/.exec(privatePaths!)?.[1]?.split("|");
    expect(areas?.map((area) => `/${area}`)).toEqual(privatePathPrefixes);
    expect(others).toEqual(["/newsletter/unsubscribe"]);
  });

  it("hands a one-click unsubscribe POST to its handler, and lets the page's own button and GETs through", async () => {
    const oneClick = await proxy(
      new NextRequest("http://localhost:3000/newsletter/unsubscribe?token=abc", { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(oneClick.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/newsletter/unsubscribe/one-click?token=abc");
    const button = new FormData();
    button.set("$ACTION_ID_0123", "");
    button.set("List-Unsubscribe", "One-Click");
    for (const request of [
      new NextRequest("http://localhost:3000/newsletter/unsubscribe?token=abc", { method: "POST", body: button }),
      new NextRequest("http://localhost:3000/newsletter/unsubscribe?token=abc", { method: "POST", headers: { "Next-Action": "0123" }, body: "[]" }),
      new NextRequest("http://localhost:3000/newsletter/unsubscribe?token=abc"),
    ]) {
      expect((await proxy(request)).headers.get("x-middleware-rewrite")).toBeNull();
    }
  });

  it("sends HSTS when the site is on https, with the same CSP as the request carries", async () => {
    process.env.SITE_URL = "https://coop.example";
    const response = await proxy(new NextRequest("https://coop.example/login"));
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("gives a sign-in page a nonce policy over plain http, without HSTS", async () => {
    process.env.SITE_URL = "http://localhost:3000";
    const response = await proxy(new NextRequest("http://localhost:3000/login"));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  });

  it("sends a visitor without a session from the staff area to sign in, with the policy on the redirect too", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/staff/pages"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost:3000/login?callbackUrl=%2Fstaff%2Fpages");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("gives the staff area's files the policy that allows nothing, and its pages a nonce policy", async () => {
    const signedIn = { headers: { cookie: "next-auth.session-token=abc" } };
    for (const path of ["/staff/owners/export.csv", "/staff/owners/applications/3/pdf", "/staff/jobs/applicants/4/resume"]) {
      expect((await proxy(new NextRequest(`http://localhost:3000${path}`, signedIn))).headers.get("content-security-policy")).toBe(nonDocumentPolicy);
    }
    expect((await proxy(new NextRequest("http://localhost:3000/staff/owners", signedIn))).headers.get("content-security-policy")).toMatch(/'nonce-/);
  });

  it("leaves public paths alone (their headers are sent before Next answers)", async () => {
    const response = await proxy(new NextRequest("http://localhost:3000/about"));
    expect(response.headers.get("content-security-policy")).toBeNull();
  });
});
