// eslint-disable-next-line @typescript-eslint/no-require-imports
const MemoryCacheHandler = require("@/lib/cache/memory-cache-handler.js");

describe("MemoryCacheHandler", () => {
  const handler = new MemoryCacheHandler();
  const fetchEntry = (text: string) => ({ kind: "FETCH", data: { body: text }, tags: [] });

  it("returns what was set, then nothing once one of its tags is revalidated", async () => {
    await handler.set("page:about", fetchEntry("old"), { tags: ["pages", "page:about"] });
    await handler.set("page:visit", fetchEntry("visit"), { tags: ["pages", "page:visit"] });
    expect((await handler.get("page:about", {}))?.value.data.body).toBe("old");

    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag("page:about");

    expect(await handler.get("page:about", {})).toBeNull();
    expect((await handler.get("page:visit", {}))?.value.data.body).toBe("visit");
  });

  it("honours tags given at read time (implicit path tags)", async () => {
    await handler.set("k", fetchEntry("v"), { tags: [] });
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag(["_N_T_/about"]);
    expect(await handler.get("k", { softTags: ["_N_T_/about"] })).toBeNull();
  });

  it("keeps an entry set after the revalidation", async () => {
    await handler.revalidateTag("settings");
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.set("site-settings", fetchEntry("new"), { tags: ["settings"] });
    expect((await handler.get("site-settings", {}))?.value.data.body).toBe("new");
  });

  it("expires tags from outside a request through any copy of the module: one store per process", async () => {
    await handler.set("newsletter:archive", fetchEntry("before the send"), { tags: ["newsletter-campaigns"] });
    let secondCopy: typeof MemoryCacheHandler;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      secondCopy = require("@/lib/cache/memory-cache-handler.js");
    });
    expect(secondCopy!).not.toBe(MemoryCacheHandler);
    await new Promise((resolve) => setTimeout(resolve, 2));
    secondCopy!.expireTags(["newsletter-campaigns"]);
    expect(await handler.get("newsletter:archive", {})).toBeNull();
  });

  it("keeps a page's lookup pending until the requests read in the same turn have asked too, so Next shares it; a data read inside a render answers at once", async () => {
    await handler.set("/about", { kind: "APP_PAGE", html: "<p>About</p>", headers: {} }, { tags: [] });
    await handler.set("data", fetchEntry("rows"), { tags: [] });
    const settled: string[] = [];
    const page = handler.get("/about", { kind: "APP_PAGE" }).then(() => settled.push("page"));
    const data = handler.get("data", { kind: "FETCH" }).then(() => settled.push("data"));
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    expect(settled).toEqual(["data"]);
    await Promise.all([page, data]);
    expect(settled).toEqual(["data", "page"]);
  });
});
