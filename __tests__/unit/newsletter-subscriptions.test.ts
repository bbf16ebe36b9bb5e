import { confirmedSubscribersByMonth } from "@/lib/newsletter/subscriber-growth";
import { subscribersCsv } from "@/lib/newsletter/subscribers-csv";
import { hashNewsletterToken, isWellFormedToken, listUnsubscribeHeaders, newNewsletterToken, unsubscribeUrls } from "@/lib/newsletter/tokens";
import { newsletterSignupSchema } from "@/lib/validations/newsletter";

describe("newsletter tokens", () => {
  it("are 256 random bits in hex, stored as their SHA-256", () => {
    const token = newNewsletterToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(newNewsletterToken()).not.toBe(token);
    expect(hashNewsletterToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashNewsletterToken(token)).not.toBe(token);
    expect(isWellFormedToken("../etc")).toBe(false);
  });

  it("give the List-Unsubscribe headers of RFC 8058 pointing at the one-click address", () => {
    const token = "a".repeat(64);
    expect(listUnsubscribeHeaders("https://coop.example", token)).toEqual({
      "List-Unsubscribe": `<https://coop.example/newsletter/unsubscribe?token=${token}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(unsubscribeUrls("https://coop.example", token).page).toBe(`https://coop.example/newsletter/unsubscribe?token=${token}`);
  });
});

describe("newsletterSignupSchema", () => {
  it("lowercases the address and treats an empty first name as none", () => {
    expect(newsletterSignupSchema.parse({ email: " Reader@Coop.Example ", firstName: "" })).toEqual({ email: "reader@coop.example", firstName: undefined });
  });

  it("refuses a malformed address and an overlong name at their fields", () => {
    const result = newsletterSignupSchema.safeParse({ email: "not an address", firstName: "x".repeat(81) });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(["email", "firstName"]);
  });
});

describe("confirmedSubscribersByMonth", () => {
  const at = (iso: string) => new Date(`${iso}T15:00:00Z`);

  it("counts someone from the month they confirmed until the month they left", () => {
    const series = confirmedSubscribersByMonth(
      [
        { confirmedAt: at("2026-01-10"), unsubscribedAt: null },
        { confirmedAt: at("2026-02-03"), unsubscribedAt: at("2026-04-20") },
        { confirmedAt: at("2025-06-01"), unsubscribedAt: null },
      ],
      at("2026-05-15"),
      6,
    );
    expect(series).toEqual([
      { month: "2025-12", count: 1 },
      { month: "2026-01", count: 2 },
      { month: "2026-02", count: 3 },
      { month: "2026-03", count: 3 },
      { month: "2026-04", count: 2 },
      { month: "2026-05", count: 2 },
    ]);
  });

  it("crosses the year boundary", () => {
    expect(confirmedSubscribersByMonth([], at("2026-01-15"), 2).map((point) => point.month)).toEqual(["2025-12", "2026-01"]);
  });
});

describe("subscribersCsv", () => {
  it("neutralises formulas in what the public typed, keeping the consent proof", () => {
    const csv = subscribersCsv([
      { email: "eve@coop.example", firstName: "=HYPERLINK(\"http://evil.example\")", signedUpAt: new Date("2026-03-01T10:00:00Z"), confirmedAt: new Date("2026-03-01T10:05:00Z"), confirmIp: "198.51.100.1" },
    ]);
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("email,first_name,signed_up_at,confirmed_at,confirm_ip");
    expect(row).toBe(`eve@coop.example,"'=HYPERLINK(""http://evil.example"")",2026-03-01T10:00:00.000Z,2026-03-01T10:05:00.000Z,198.51.100.1`);
  });
});
