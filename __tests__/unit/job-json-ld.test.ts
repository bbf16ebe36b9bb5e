import type { Root } from "hast";
import { endOfClosingDay, jobPostingJsonLd, type JobPostingJsonLdInput } from "@/lib/jobs/json-ld";
import { formatPay } from "@/lib/jobs/pay";
import { treeToText } from "@/lib/markdown/to-text";
import { serializeJsonLd } from "@/components/ui/json-ld-script";

const settings = { coopName: "Marshall Street Food Co-op", streetAddress: "62 Marshall St", locality: "Rochester", region: "NY", postalCode: "14607" };
const siteUrl = "https://coop.example";

const job: JobPostingJsonLdInput["job"] = {
  slug: "produce-clerk",
  title: "Produce Clerk",
  department: "Produce",
  employmentType: "full_time",
  hours: "36–40 hours a week",
  payMinCents: 17_00,
  payMaxCents: 19_50,
  payUnit: "hour",
  location: "At the store, 62 Marshall St",
  closesOn: "2027-01-15",
  status: "published",
  publishedAt: "2026-11-20T14:00:00.000Z",
};

const text = { description: "Receive and display produce.", responsibilities: "- Trim and rotate", qualifications: "- Early starts", benefits: "" };

const build = (overrides: Partial<JobPostingJsonLdInput> = {}) => jobPostingJsonLd({ job, text, settings, siteUrl, today: "2026-11-26", ...overrides });

describe("JobPosting JSON-LD", () => {
  it("carries every field search engines ask for, and parses back from the script body", () => {
    const data = JSON.parse(serializeJsonLd(build())) as Record<string, unknown>;
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: "Produce Clerk",
      description: "Receive and display produce.",
      datePosted: "2026-11-20T14:00:00.000Z",
      validThrough: "2027-01-16T04:59:59.000Z",
      employmentType: "FULL_TIME",
      url: "https://coop.example/jobs/produce-clerk",
      hiringOrganization: { "@type": "Organization", name: "Marshall Street Food Co-op", sameAs: siteUrl, logo: "https://coop.example/logo.svg" },
      jobLocation: {
        "@type": "Place",
        name: "At the store, 62 Marshall St",
        address: {
          "@type": "PostalAddress",
          streetAddress: "62 Marshall St",
          addressLocality: "Rochester",
          addressRegion: "NY",
          postalCode: "14607",
          addressCountry: "US",
        },
      },
      baseSalary: { "@type": "MonetaryAmount", currency: "USD", value: { "@type": "QuantitativeValue", minValue: 17, maxValue: 19.5, unitText: "HOUR" } },
      directApply: true,
      responsibilities: "- Trim and rotate",
      qualifications: "- Early starts",
    });
    expect(data).not.toHaveProperty("jobBenefits");
  });

  it("gives a single rate as a value, and a salary by the year", () => {
    const data = build({ job: { ...job, payMinCents: 42_000_00, payMaxCents: null, payUnit: "year" } })!;
    expect(data.baseSalary.value).toEqual({ "@type": "QuantitativeValue", value: 42000, unitText: "YEAR" });
  });

  it.each([
    ["full_time", "FULL_TIME"],
    ["part_time", "PART_TIME"],
    ["temporary", "TEMPORARY"],
    ["seasonal", "TEMPORARY"],
  ] as const)("names %s work %s", (employmentType, expected) => {
    expect(build({ job: { ...job, employmentType } })!.employmentType).toBe(expected);
  });

  it("ends validity at the last second of the closing day in Rochester, daylight saving or not", () => {
    expect(endOfClosingDay("2027-01-15")).toBe("2027-01-16T04:59:59.000Z");
    expect(endOfClosingDay("2027-07-15")).toBe("2027-07-16T03:59:59.000Z");
  });

  it("is taken down for a closed posting, and for one whose closing day has passed", () => {
    expect(build({ job: { ...job, status: "closed" } })).toBeNull();
    expect(build({ today: "2027-01-16" })).toBeNull();
    expect(build({ today: "2027-01-15" })).not.toBeNull();
  });

  it("cannot close its script element, whatever a posting says", () => {
    const body = serializeJsonLd(build({ job: { ...job, title: "</script><script>alert(1)</script>" } }));
    expect(body).not.toContain("</script>");
    expect((JSON.parse(body) as { title: string }).title).toBe("</script><script>alert(1)</script>");
  });
});

describe("pay as people read it", () => {
  it("shows a range, a single rate and a yearly salary", () => {
    expect(formatPay({ payMinCents: 16_00, payMaxCents: 18_00, payUnit: "hour" })).toBe("$16.00–$18.00 an hour");
    expect(formatPay({ payMinCents: 17_50, payMaxCents: null, payUnit: "hour" })).toBe("$17.50 an hour");
    expect(formatPay({ payMinCents: 45_000_00, payMaxCents: 52_000_00, payUnit: "year" })).toBe("$45,000–$52,000 a year");
  });
});

describe("Markdown as plain text", () => {
  const element = (tagName: string, children: Root["children"]) => ({ type: "element" as const, tagName, properties: {}, children: children as never });
  const textNode = (value: string) => ({ type: "text" as const, value });

  it("keeps paragraphs apart and lists as dashes, without markup", () => {
    const tree: Root = {
      type: "root",
      children: [
        element("p", [textNode("Our "), element("strong", [textNode("deli")]), textNode(" cooks.")]),
        textNode("\n"),
        element("ul", [textNode("\n"), element("li", [textNode("Soups")]), textNode("\n"), element("li", [textNode("Salads")]), textNode("\n")]),
      ],
    };
    expect(treeToText(tree)).toBe("Our deli cooks.\n\n- Soups\n- Salads");
  });
});
