import { fetchPage } from "../helpers/html";
import { portalUrl } from "../helpers/portal";

function directive(csp: string, name: string) {
  return csp.split(";").map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? "";
}

describe("security headers", () => {
  it("are all on the home page", async () => {
    const { headers } = await fetchPage("/");
    const csp = headers.get("content-security-policy") ?? "";
    expect(directive(csp, "script-src")).toMatch(/'nonce-[^']+'/);
    expect(directive(csp, "script-src")).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("permissions-policy")).toContain("camera=()");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-powered-by")).toBeNull();
    // The test portal is on plain http, where HSTS must not be sent.
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("give every script on the page the nonce of its own response, and a new one each time", async () => {
    const first = await fetchPage("/");
    const second = await fetchPage("/");
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
    const nonce = nonceOf(first.headers.get("content-security-policy"));
    expect(nonce).toBeTruthy();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    const scripts = [...first.document.querySelectorAll("script")];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script.getAttribute("nonce")).toBe(nonce);
  });

  it("are on route handlers and static assets too", async () => {
    const api = await fetch(portalUrl("/api/health"));
    expect(api.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");

    const { document } = await fetchPage("/");
    const stylesheet = document.querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    const asset = await fetch(portalUrl(stylesheet!));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
