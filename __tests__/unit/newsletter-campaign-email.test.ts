import type { ElementContent, Root, RootContent } from "hast";
import { treeToEmailHtml, treeToEmailText } from "@/lib/markdown/to-email-html";
import { campaignHeaders, campaignMessageId, prepareCampaignEmail } from "@/lib/newsletter/campaign-email";

// The unified stack is ESM only and jest here runs CommonJS: trees are written by hand
// (as markdownToTree makes them), and the Markdown itself is checked over HTTP.
jest.mock("@/lib/markdown/to-tree", () => ({
  markdownToTree: (markdown: string) => ({ type: "root", children: [{ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: markdown }] }] }),
}));

const site = "https://coop.example";
const text = (value: string): ElementContent => ({ type: "text", value });
const el = (tagName: string, children: ElementContent[], properties: Record<string, string> = {}): ElementContent => ({ type: "element", tagName, properties, children });
const root = (...children: (RootContent | ElementContent)[]): Root => ({ type: "root", children: children as RootContent[] });
const linkStyle = 'style="color:#235330;text-decoration:underline"';

describe("campaign email HTML", () => {
  it("escapes every text and drops raw HTML, comments and unknown elements (keeping their text)", () => {
    const out = treeToEmailHtml(
      root(el("p", [text('Fish & "chips" <b>'), { type: "raw", value: "<script>alert(1)</script>" } as unknown as ElementContent, { type: "comment", value: "x" }, el("script", [text("alert(2)")]), el("input", [], { type: "checkbox" })])),
      site,
    );
    expect(out).toBe('<p style="margin:0 0 16px;line-height:1.5">Fish &amp; &quot;chips&quot; &lt;b&gt;alert(2)</p>');
  });

  it("keeps only http(s) and mailto links, made absolute; others and in-page anchors become their text", () => {
    const links = [["javascript:alert(1)", "a"], ["/owners", "b"], ["mailto:info@coop.example", "c"], ["#fn-1", "d"], ['https://x.example/?q="1"', "e"]];
    const out = treeToEmailHtml(root(...links.map(([href, label]) => el("a", [text(label!)], { href: href! }))), site);
    expect(out).toBe(
      `a<a ${linkStyle} href="https://coop.example/owners">b</a><a ${linkStyle} href="mailto:info@coop.example">c</a>d<a ${linkStyle} href="https://x.example/?q=%221%22">e</a>`,
    );
  });

  it("shows an image only from an http(s) address, else its alt text", () => {
    expect(treeToEmailHtml(root(el("img", [], { src: "/beet.png", alt: "Beets" }), el("img", [], { src: "data:image/png;base64,AA", alt: "<x>" })), site)).toBe(
      '<img style="max-width:100%;height:auto" src="https://coop.example/beet.png" alt="Beets">&lt;x&gt;',
    );
  });

  it("writes headings, lists and emphasis with inline styles", () => {
    const out = treeToEmailHtml(root(el("h2", [text("Hours")]), el("ul", [el("li", [el("strong", [text("Mon")]), text(" to "), el("em", [text("Fri")])])])), site);
    expect(out).toMatch(/^<h2 style="[^"]+">Hours<\/h2><ul style="[^"]+"><li style="[^"]+"><strong>Mon<\/strong> to <em>Fri<\/em><\/li><\/ul>$/);
  });

  it("gives the plain-text part each link's address", () => {
    const tree = root(el("p", [text("See "), el("a", [text("the board")], { href: "/about/board" }), text(" or "), el("a", [text("https://coop.example/visit")], { href: "https://coop.example/visit" })]));
    expect(treeToEmailText(tree, site)).toBe("See the board (https://coop.example/about/board) or https://coop.example/visit");
  });
});

describe("a campaign email", () => {
  const emailFor = prepareCampaignEmail({ coopName: "Marshall Street Food Co-op", siteUrl: site, subject: "Squash <season>", markdown: "Hello", archiveUrl: `${site}/newsletter/emails/squash` });

  it("has the recipient's own unsubscribe and preference links and the archive link in both parts", () => {
    const email = emailFor("abc");
    expect(email.subject).toBe("Squash <season>");
    expect(email.html).toContain("Squash &lt;season&gt;");
    for (const part of [email.text, email.html]) {
      expect(part).toContain(`${site}/newsletter/unsubscribe?token=abc`);
      expect(part).toContain(`${site}/newsletter/preferences?token=abc`);
      expect(part).toContain(`${site}/newsletter/emails/squash`);
    }
    expect(email.text).toContain(`Choose which lists you get: ${site}/newsletter/preferences?token=abc`);
  });

  it("says in its footer which lists it came from, names escaped, and offers to leave them", () => {
    const email = prepareCampaignEmail({ coopName: "Co-op", siteUrl: site, subject: "Squash", markdown: "x", lists: ["Sales <flyer>", "Classes"] })("t");
    expect(email.text).toContain("You receive this email because you subscribed to Co-op’s lists “Sales <flyer>” and “Classes”.");
    expect(email.text).toContain(`Leave these lists (one click, no questions): ${site}/newsletter/unsubscribe?token=t`);
    expect(email.html).toContain("“Sales &lt;flyer&gt;” and “Classes”");
    expect(email.html).toContain(">Leave these lists</a>");
  });

  it("marks a test in the subject", () => {
    expect(prepareCampaignEmail({ coopName: "Co-op", siteUrl: site, subject: "Squash", markdown: "x", test: true })("u").subject).toBe("[Test] Squash");
  });

  it("carries RFC 8058 one-click and RFC 2919 list headers, and one Message-ID per campaign and subscriber", () => {
    expect(campaignHeaders({ coopName: 'The "Co-op"\r\nBcc: x', siteHost: "coop.example", unsubscribeUrl: `${site}/u?token=t` })).toEqual({
      "List-Unsubscribe": `<${site}/u?token=t>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "List-Id": "The Co-opBcc x newsletter <newsletter.coop.example>",
    });
    expect(campaignMessageId(4, 17, "coop.example")).toBe("<campaign-4.subscriber-17@coop.example>");
  });
});
