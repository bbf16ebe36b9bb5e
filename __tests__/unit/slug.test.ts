import fc from "fast-check";
import { slugFromTitle } from "@/lib/jobs/slug";
import { campaignSlugFromSubject } from "@/lib/newsletter/campaign-slug";
import { issueSlug } from "@/lib/newsletter/issue-files";
import { slugFrom } from "@/lib/model/slug";

describe("slugFrom", () => {
  it.each([
    ["Produce Clerk (Part-time)", "produce-clerk-part-time"],
    ["Harvest news, October!", "harvest-news-october"],
    ["Cashier >><< & more", "cashier-more"],
    ['Cashier]]>]]><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script><![CDATA[', "cashier-x-script-xmlns-x-http-www-w3-org-1999-xhtml-alert-1-x-script-cdata"],
    ["$15/hour Cashier | 100% organic", "15-hour-cashier-100-organic"],
    ["Co-op® Deli™ ♥ © 2026", "co-op-deli-2026"],
    ["Tom's Deli and Rosa’s Bakery", "toms-deli-and-rosas-bakery"],
    ["Crème brûlée, Straße, Ærø, İıŞ", "creme-brulee-strasse-aero-iis"],
    ["e\u0301te\u0301", "ete"],
    ["v1.2 — the 3rd…", "v1-2-the-3rd"],
    ["日本語のテキスト", ""],
  ])("%p → %p: letters and digits joined by hyphens, symbols only part words", (text, slug) => {
    expect(slugFrom(text)).toBe(slug);
  });

  it("never spells out a symbol: text of symbols alone leaves nothing", () => {
    const symbols = [..."!\"#$%&'()*+,./:;<=>?@[\\]^_`{|}~-€£¥¢©®™°±×÷§¶•…–—‘’“”«»¿¡♥★☆✓∞≠≤≥∑√∂←→↑↓"];
    fc.assert(fc.property(fc.array(fc.constantFrom(...symbols, " "), { maxLength: 40 }), (chars) => slugFrom(chars.join("")) === ""));
  });

  it("is always lower-case ASCII letters and digits joined by single hyphens, within the length asked for", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), fc.integer({ min: 1, max: 80 }), (text, max) => {
        const slug = slugFrom(text, max);
        return /^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/.test(slug) && slug.length <= max;
      }),
    );
  });
});

describe("the addresses made from titles", () => {
  it("of a posting, a campaign and an issue keep symbols out, with a fallback when nothing is left", () => {
    expect(slugFromTitle("Cashier >> Front end")).toBe("cashier-front-end");
    expect(slugFromTitle("<<>>")).toBe("job");
    expect(campaignSlugFromSubject("News & notes: 50% off!")).toBe("news-notes-50-off");
    expect(campaignSlugFromSubject("€€€")).toBe("newsletter");
    expect(issueSlug("2026-11-01", "The <Harvest> issue")).toBe("2026-11-01-the-harvest-issue");
    expect(issueSlug("2026-11-01", "♥")).toBe("2026-11-01");
  });
});
