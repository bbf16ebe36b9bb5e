import { fetchPage, text } from "../helpers/html";
import { withPortalDb } from "../helpers/portal";

describe("a stored page with hostile Markdown", () => {
  const slug = "about/hostile-markdown-check";

  beforeAll(() => {
    // Written straight into the running portal's database, as a compromised staff
    // account or a bad import could; the page has never been requested, so not cached.
    withPortalDb((sqlite) =>
      sqlite
        .prepare("insert into pages (slug, title, description, markdown, updated_at) values (?, ?, '', ?, ?)")
      .run(
        slug,
        "Hostile check",
        [
          "Before <script>alert(1)</script> after.",
          "",
          "[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(2)) and [z](data:text/html,<b>hi</b>)",
          "",
          '<img src="x" onerror="alert(3)">',
          "",
          "[safe](https://coop.example/)",
        ].join("\n"),
          Date.now(),
        ),
    );
  });

  it("renders inert: no injected script, no script links, no event handlers", async () => {
    const { status, document, html } = await fetchPage(`/${slug}`);
    expect(status).toBe(200);
    const article = document.querySelector("main article")!;
    expect(text(article)).toContain("Before");
    expect(article.querySelectorAll("script, img, iframe")).toHaveLength(0);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toMatch(/onerror=/i);

    const hrefs = [...article.querySelectorAll("a")].map((a) => a.getAttribute("href") ?? "");
    expect(hrefs).toContain("https://coop.example/");
    for (const href of hrefs) expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
  });
});
