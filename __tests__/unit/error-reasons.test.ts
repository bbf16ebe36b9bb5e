import fs from "node:fs";
import path from "node:path";
import { AppError, errorResponse } from "@/lib/errors";
import { reasonWords } from "@/lib/error-reasons";

const root = path.resolve(__dirname, "..", "..");
const errorCodes = ["unauthorized", "forbidden", "not_found", "conflict", "bad_request", "rate_limited"];

/** Every `new AppError(code, "some_reason")` under db/ and lib/: the reasons given as codes rather than words. */
function reasonsThrown() {
  const found = new Map<string, string>();
  for (const folder of ["db", "lib"]) {
    for (const file of fs.readdirSync(path.join(root, folder), { recursive: true }) as string[]) {
      if (!file.endsWith(".ts")) continue;
      const source = fs.readFileSync(path.join(root, folder, file), "utf8");
      for (const [, rest] of source.matchAll(/new AppError\(([^\n]*)/g)) {
        for (const [, literal] of rest!.matchAll(/"([a-z]+(?:_[a-z]+)+)"/g)) {
          if (!errorCodes.includes(literal!)) found.set(literal!, `${folder}/${file}`);
        }
      }
    }
  }
  return found;
}

describe("the reasons the query layer gives", () => {
  it("are found by the scan (it reads the code it guards)", () => {
    expect([...reasonsThrown().keys()]).toEqual(expect.arrayContaining(["owner_number_sequence_missing", "slug_taken", "application_not_pending"]));
  });

  it("each have words for people, whichever action lets one through", () => {
    const without = [...reasonsThrown()].filter(([reason]) => !(reason in reasonWords)).map(([reason, file]) => `${reason} (${file})`);
    expect(without).toEqual([]);
  });

  it("have no words left over for a reason nothing gives any more", () => {
    expect(Object.keys(reasonWords).filter((reason) => !reasonsThrown().has(reason))).toEqual([]);
  });

  it("are sentences, not codes", () => {
    for (const [reason, words] of Object.entries(reasonWords)) expect({ reason, words }).toEqual({ reason, words: expect.stringMatching(/^[A-Z][^_]*[.!]$/) });
  });

  it("reach a route handler's answer as words too", async () => {
    const response = errorResponse(new AppError("not_found", "issue_not_found"));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: reasonWords.issue_not_found });
  });
});
