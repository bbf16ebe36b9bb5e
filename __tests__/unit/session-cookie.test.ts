import path from "node:path";
import type { AuthOptions } from "next-auth";

type CookieDefaults = { sessionToken: { name: string; options: Record<string, unknown> } };
// next-auth's own defaults (not among its package exports), which it applies to `authOptions`.
const { defaultCookies } = jest.requireActual(path.join(process.cwd(), "node_modules/next-auth/core/lib/cookie.js")) as {
  defaultCookies: (useSecureCookies: boolean) => CookieDefaults;
};

// The options are read as the server reads them, for a site on http and one on https; the
// database and its adapter are not needed to see which cookie next-auth will set.
let mockSiteUrl = "http://localhost:3000";
jest.mock("@/db", () => ({ db: {} }));
jest.mock("@auth/drizzle-adapter", () => ({ DrizzleAdapter: () => ({}) }));
jest.mock("@/lib/env", () => ({ getEnv: () => ({ siteUrl: mockSiteUrl, nextAuthSecret: "test-secret", mailFrom: "Co-op <portal@coop.example>" }) }));

function sessionCookieFor(siteUrl: string) {
  mockSiteUrl = siteUrl;
  let loaded!: { authOptions: AuthOptions; sessionCookieName: string };
  jest.isolateModules(() => {
    loaded = jest.requireActual("@/lib/auth/options");
  });
  // next-auth builds its cookies from these defaults and the options' own `cookies`, which the portal leaves alone.
  expect(loaded.authOptions.cookies).toBeUndefined();
  const { sessionToken } = defaultCookies(loaded.authOptions.useSecureCookies ?? false);
  expect(sessionToken.name).toBe(loaded.sessionCookieName);
  return sessionToken;
}

describe("the session cookie", () => {
  it("on https is Secure and __Secure- prefixed, HttpOnly, SameSite=Lax, for the whole site", () => {
    expect(sessionCookieFor("https://coop.example")).toEqual({
      name: "__Secure-next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
  });

  it("on plain http (a test or a laptop) is the same without Secure, which the browser would drop", () => {
    expect(sessionCookieFor("http://localhost:3000")).toEqual({
      name: "next-auth.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: false },
    });
  });
});
