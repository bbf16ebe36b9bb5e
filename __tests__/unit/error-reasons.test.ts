import fs from "node:fs";
import path from "node:path";
import { AppError, errorResponse, explainRefusals, hasReasonIn, invalidFields } from "@/lib/model/errors";
import { reasonWords } from "@/lib/model/error-reasons";

const root = path.resolve(__dirname, "..", "..");
const codeSnakeCase = /^[a-z]+(?:_[a-z]+)+$/;

function* sources() {
  for (const folder of ["app", "db", "lib"]) {
    for (const file of fs.readdirSync(path.join(root, folder), { recursive: true }) as string[]) {
      if (/\.tsx?$/.test(file)) yield { file: `${folder}/${file}`, source: fs.readFileSync(path.join(root, folder, file), "utf8") };
    }
  }
}

/**
 * Every reason given under app/, db/ and lib/: through a module's refusal maker
 * (`refuse("conflict", "slug_taken")`) or the constructor (`new AppError(code, { reason: "…" })`).
 * The compiler already refuses a reason without words; this scan also finds words left
 * over, and reasons written where words belong.
 */
function reasonsGiven() {
  const found = new Map<string, string>();
  for (const { file, source } of sources()) {
    for (const [, reason] of source.matchAll(/\brefuse\(\s*"[a-z_]+",\s*"([^"]*)"/g)) found.set(reason!, file);
    for (const [, reason] of source.matchAll(/new AppError\([^\n]*\{\s*reason:\s*"([^"]*)"/g)) found.set(reason!, file);
  }
  return found;
}

describe("the reasons the query and service layers give", () => {
  it("are found by the scan (it reads the code it guards)", () => {
    expect([...reasonsGiven().keys()]).toEqual(expect.arrayContaining(["owner_number_sequence_missing", "slug_taken", "application_not_pending", "upload_quota_full"]));
  });

  it("each have words for people, whichever action lets one through", () => {
    const without = [...reasonsGiven()].filter(([reason]) => !Object.hasOwn(reasonWords, reason)).map(([reason, file]) => `${reason} (${file})`);
    expect(without).toEqual([]);
  });

  it("have no words left over for a reason nothing gives any more", () => {
    const given = reasonsGiven();
    expect(Object.keys(reasonWords).filter((reason) => !given.has(reason))).toEqual([]);
  });

  it("are never written where words belong (`new AppError(code, \"some_reason\")` would show the code)", () => {
    const written: string[] = [];
    for (const { file, source } of sources()) {
      for (const [, literal] of source.matchAll(/new AppError\(\s*"[a-z_]+",\s*"([^"]*)"/g)) if (codeSnakeCase.test(literal!)) written.push(`${literal} (${file})`);
    }
    expect(written).toEqual([]);
  });

  it("are sentences, not codes", () => {
    for (const [reason, words] of Object.entries(reasonWords)) expect({ reason, words }).toEqual({ reason, words: expect.stringMatching(/^[A-Z][^_]*[.!]$/) });
  });

  it("reach a route handler's answer as words too", async () => {
    const response = errorResponse(new AppError("not_found", { reason: "issue_not_found" }));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found", message: reasonWords.issue_not_found });
  });
});

describe("an action's own words for the reasons it meets", () => {
  const explained = explainRefusals<"job_not_found" | "slug_taken">({
    job_not_found: "That posting no longer exists.",
    slug_taken: () => invalidFields({ slug: ["Choose another address."] }, "conflict"),
  });

  it("says its words under the refusal's code, or answers with the error it made", () => {
    expect(explained(new AppError("not_found", { reason: "job_not_found" }))).toEqual(expect.objectContaining({ code: "not_found", message: "That posting no longer exists." }));
    expect(explained(new AppError("conflict", { reason: "slug_taken" }))).toEqual(
      expect.objectContaining({ code: "conflict", message: "Please correct the fields marked below.", fieldErrors: { slug: ["Choose another address."] } }),
    );
  });

  it("passes on unchanged a reason it does not cover (with its default words), an error in words, and any other error", () => {
    const others = [new AppError("conflict", { reason: "not_draft" }), new AppError("conflict", "Written in words."), new Error("disk on fire")];
    for (const error of others) expect(explained(error)).toBe(error);
    expect(others[0]!.message).toBe(reasonWords.not_draft);
  });
});

describe("telling refusals apart", () => {
  const notices = { already_owner: "owner notice", application_pending: "pending notice" } as const;

  it("goes by the reason, never by the words", () => {
    expect(hasReasonIn(new AppError("conflict", { reason: "already_owner" }), notices)).toBe(true);
    expect(hasReasonIn(new AppError("conflict", { reason: "not_draft" }), notices)).toBe(false);
    expect(hasReasonIn(new AppError("conflict", reasonWords.already_owner), notices)).toBe(false);
    expect(hasReasonIn(new Error("already_owner"), notices)).toBe(false);
  });
});
