import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it.each(["/account", "/staff/pages/about?x=1#top", "/health/ginger"])("keeps a path inside the portal: %s", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example/account",
    "\\/evil.example",
    "https://evil.example/account",
    "javascript:alert(1)",
    "evil.example",
    "",
  ])("refuses what a browser would read as another site: %j", (value) => {
    expect(safeCallbackPath(value)).toBe("/account");
  });

  it("refuses anything but a string", () => {
    expect(safeCallbackPath(undefined)).toBe("/account");
    expect(safeCallbackPath(["/staff"])).toBe("/account");
  });

  it("gives back the path as a browser would request it", () => {
    expect(safeCallbackPath("/staff/../account")).toBe("/account");
  });
});
