import { db } from "@/db";
import { checkRateLimit, recordRateLimitHit } from "@/db/queries/rate-limits";
import { setUserRole } from "@/db/queries/users";
import { users } from "@/db/schema";

describe("setUserRole", () => {
  it("refuses to remove the last admin, even by that admin, and allows it once another exists", () => {
    const [only] = db.insert(users).values({ email: "only-admin@coop.example", role: "admin" }).returning().all();
    expect(() => setUserRole(db, only!.id, "staff")).toThrow(expect.objectContaining({ code: "conflict" }));

    const [second] = db.insert(users).values({ email: "second@coop.example", role: "member" }).returning().all();
    setUserRole(db, second!.id, "admin");
    expect(setUserRole(db, only!.id, "staff")).toEqual({ email: "only-admin@coop.example", previousRole: "admin" });
  });

  it("answers not_found for someone who does not exist", () => {
    expect(() => setUserRole(db, "missing", "staff")).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});

describe("rate limits", () => {
  const rule = { key: "test:key", limit: 3, windowMs: 60_000 };

  it("allows up to the limit in the window, then says how long to wait", () => {
    const start = new Date("2026-01-01T12:00:00Z");
    for (let i = 0; i < 3; i++) {
      expect(checkRateLimit(db, rule, start)).toEqual({ ok: true });
      recordRateLimitHit(db, rule.key, new Date(start.getTime() + i * 1000));
    }
    expect(checkRateLimit(db, rule, new Date(start.getTime() + 5000))).toEqual({ ok: false, retryAfterMs: 55_000 });
    expect(checkRateLimit(db, rule, new Date(start.getTime() + 60_001))).toEqual({ ok: true });
  });
});
