import { fetchPage } from "../helpers/html";
import { portalUrl } from "../helpers/portal";

function directive(csp: string, name: string) {
  return csp.split(";").map((part) => part.trim()).find((part) => part.startsWith(`${name} `)) ?? "";
}

/** The response's one Content-Security-Policy; fetch joins repeated headers with ", ". */
function onePolicy(headers: Headers) {
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp).not.toBe("");
  expect(csp).not.toContain(",");
  return csp;
}

const publicPages = ["/", "/about", "/visit", "/owners", "/health", "/health/prolotherapy", "/health/prolotherapy/print"];

describe("security headers", () => {
  it("are all on the home page", async () => {
    const { headers } = await fetchPage("/");
    const csp = onePolicy(headers);
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'unsafe-inline'");
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

  it.each(publicPages)("%s has one fixed policy and no nonce anywhere (it is prerendered)", async (path) => {
    const { headers, document } = await fetchPage(path);
    const csp = onePolicy(headers);
    expect(csp).not.toContain("nonce-");
    expect(csp).not.toContain("strict-dynamic");
    for (const strict of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"]) {
      expect(csp).toContain(strict);
    }
    expect([...document.querySelectorAll("script[nonce]")]).toEqual([]);
  });

  it.each(["/login", "/login/check-email"])(
    "%s has one policy whose nonce is on every script, and a new one each time",
    async (path) => {
      const first = await fetchPage(path);
      const second = await fetchPage(path);
      const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];
      const nonce = nonceOf(onePolicy(first.headers));
      expect(nonce).toBeTruthy();
      expect(directive(onePolicy(first.headers), "script-src")).not.toContain("unsafe-inline");
      expect(nonceOf(onePolicy(second.headers))).not.toBe(nonce);
      const scripts = [...first.document.querySelectorAll("script")];
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script.getAttribute("nonce")).toBe(nonce);
      expect(first.headers.get("cache-control")).toContain("no-store");
    },
  );

  it("the redirect from the staff area to sign in carries one nonce policy too", async () => {
    const { status, headers } = await fetchPage("/staff");
    expect(status).toBe(307);
    expect(onePolicy(headers)).toMatch(/'nonce-[^']+'/);
  });

  it("are on route handlers and static assets too", async () => {
    const api = await fetch(portalUrl("/api/health"));
    expect(onePolicy(api.headers)).toContain("frame-ancestors 'none'");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");

    const { document } = await fetchPage("/");
    const stylesheet = document.querySelector('link[rel="stylesheet"]')?.getAttribute("href");
    const asset = await fetch(portalUrl(stylesheet!));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
