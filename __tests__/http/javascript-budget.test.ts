import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fetchPage } from "../helpers/html";
import { JAVASCRIPT_BUDGET_KIB, publicPagePaths } from "../helpers/public-pages";

jest.setTimeout(60_000);

const root = path.resolve(__dirname, "../..");

/**
 * The JavaScript a page's document names, compressed as the server sends it, from the
 * build the portal runs; null for a page that sends the visitor elsewhere without a token
 * (to a page measured in its own right). Code a page imports later (on a focus, a click)
 * is not named there and not counted: that is the point of loading it later.
 * `npm run bench -- javascript` measures what Chromium actually downloads.
 */
async function javascriptKib(urlPath: string) {
  const { status, html } = await fetchPage(urlPath);
  if (status >= 300 && status < 400) return null;
  expect(status).toBe(200);
  // A `noModule` script (the polyfills) is for browsers without modules: none of today's loads it.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => !/\snoModule\b/i.test(tag));
  const scripts = new Set(tags.flatMap((tag) => /\ssrc="\/_next(\/static\/[^"?]+\.js)/.exec(tag)?.[1] ?? []));
  let bytes = 0;
  for (const script of scripts) bytes += zlib.gzipSync(fs.readFileSync(path.join(root, ".next", script))).length;
  return bytes / 1024;
}

describe("client JavaScript", () => {
  it(`stays within ${JAVASCRIPT_BUDGET_KIB} KiB of the floor on every public page`, async () => {
    const floor = (await javascriptKib("/bench"))!;
    expect(floor).toBeGreaterThan(50); // the framework's own code: the floor was measured
    const measured: string[] = [];
    const over: string[] = [];
    for (const page of publicPagePaths()) {
      const kib = await javascriptKib(page);
      if (kib === null) continue;
      measured.push(page);
      if (kib - floor > JAVASCRIPT_BUDGET_KIB) over.push(`${page}: ${kib.toFixed(1)} KiB, the floor ${floor.toFixed(1)} KiB`);
    }
    expect(measured).toEqual(expect.arrayContaining(["/", "/health", "/owners/apply", expect.stringMatching(/^\/jobs\/[^/]+\/apply$/), "/newsletter"]));
    expect(over).toEqual([]);
  });
});
