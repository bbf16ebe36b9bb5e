import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { contentSecurityPolicy, newNonce } from "@/lib/security-headers";

function directive(csp: string, name: string) {
  return csp.split("; ").find((part) => part.startsWith(`${name} `)) ?? "";
}

describe("contentSecurityPolicy", () => {
  it("allows scripts only by nonce in production: no unsafe-inline, no unsafe-eval", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    const scripts = directive(csp, "script-src");
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
  });
});

describe("newNonce", () => {
  it("is fresh each time and long enough not to be guessed", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});

describe("proxy", () => {
  const originalSiteUrl = process.env.SITE_URL;
  afterEach(() => {
    process.env.SITE_URL = originalSiteUrl;
  });

  it("sends HSTS when the site is on https, with the same CSP as the request carries", () => {
    process.env.SITE_URL = "https://coop.example";
    const response = proxy(new NextRequest("https://coop.example/about"));
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it("sends no HSTS over plain http", () => {
    process.env.SITE_URL = "http://localhost:3000";
    const response = proxy(new NextRequest("http://localhost:3000/"));
    expect(response.headers.get("strict-transport-security")).toBeNull();
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  });
});
