import { decodeTextFile, parseCsv } from "@/lib/model/csv-parse";
import { planImport, type ImportList, type ImportPlan } from "@/lib/model/newsletter-import";
import type { SubscriberStatus } from "@/lib/model/newsletter";
import { importAddressOf } from "@/lib/validations/newsletter-import";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and LF alike, numbering records by the line they start on", () => {
    const text = 'email,name\r\n"a@x.org","Smith, Ann"\r\n\r\nb@x.org,"Say ""hi"""\n"c@x.org","two\nlines"\nd@x.org,\n';
    expect(parseCsv(text)).toEqual({
      records: [
        { line: 1, fields: ["email", "name"] },
        { line: 2, fields: ["a@x.org", "Smith, Ann"] },
        { line: 4, fields: ["b@x.org", 'Say "hi"'] },
        { line: 5, fields: ["c@x.org", "two\nlines"] },
        { line: 7, fields: ["d@x.org", ""] },
      ],
      unclosedQuoteAt: null,
    });
  });

  it("reads a last line without its line break, and stops at a quote never closed, saying on which line", () => {
    expect(parseCsv("email\na@x.org").records).toEqual([
      { line: 1, fields: ["email"] },
      { line: 2, fields: ["a@x.org"] },
    ]);
    expect(parseCsv('email\na@x.org\n"b@x.org\nc@x.org\n')).toEqual({
      records: [
        { line: 1, fields: ["email"] },
        { line: 2, fields: ["a@x.org"] },
      ],
      unclosedQuoteAt: 3,
    });
  });
});

describe("decodeTextFile", () => {
  it("takes UTF-8 text without its byte-order mark, and refuses binary content or another encoding", () => {
    expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("email\nzoë@x.org\n")]))).toBe("email\nzoë@x.org\n");
    expect(decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull();
    expect(decodeTextFile(new Uint8Array(Buffer.from("email\nzo\xeb@x.org\n", "latin1")))).toBeNull();
  });
});

describe("planImport", () => {
  const lists: ImportList[] = [
    { id: 1, slug: "news", name: "Co-op news", audience: "everyone", joinByDefault: true, archived: false },
    { id: 2, slug: "classes", name: "Classes and events", audience: "everyone", joinByDefault: false, archived: false },
    { id: 3, slug: "owner-news", name: "Owner news", audience: "owners", joinByDefault: false, archived: false },
    { id: 4, slug: "old", name: "Old list", audience: "everyone", joinByDefault: false, archived: true },
  ];
  const known: Record<string, SubscriberStatus> = { "sub@x.org": "confirmed", "wait@x.org": "pending", "gone@x.org": "unsubscribed" };
  const plan = (text: string) => planImport(parseCsv(text), lists, importAddressOf, (email) => known[email]) as ImportPlan;

  it("imports new addresses to the lists named by address or name (any case, ; or |), or to the default lists when none is named", () => {
    const result = plan("Name,EMAIL,lists,phone\nAnn,ANN@x.org,news|Classes and events\n,bob@x.org,\nCy,cy@x.org, classes ; NEWS \n");
    expect(result.entries).toEqual([
      { line: 2, email: "ann@x.org", name: "Ann", listIds: [1, 2] },
      { line: 3, email: "bob@x.org", name: null, listIds: [1] },
      { line: 4, email: "cy@x.org", name: "Cy", listIds: [2, 1] },
    ]);
    expect(result.ignoredColumns).toEqual(["phone"]);
  });

  it("names each bad line by number with its reason, and each duplicate with the line it repeats", () => {
    const long = "x".repeat(81);
    const result = plan(
      ["email,name,lists", "not-an-address,A,", "a@x.org,A,nope", "b@x.org,B,Owner news", "c@x.org,C,old", `d@x.org,${long},`, "A@X.org,again,", "e@x.org,E,news,extra", ",,", "f@x.org,\u0007,"].join("\n"),
    );
    expect(result.bad).toEqual([
      { line: 2, reason: "bad_address", detail: "not-an-address" },
      { line: 3, reason: "unknown_list", detail: "nope" },
      { line: 4, reason: "owners_only_list", detail: "Owner news" },
      { line: 5, reason: "archived_list", detail: "Old list" },
      { line: 6, reason: "name_too_long", detail: "" },
      { line: 8, reason: "too_many_fields", detail: "4" },
      { line: 9, reason: "bad_address", detail: "" },
      { line: 10, reason: "name_control", detail: "" },
    ]);
    expect(result.duplicates).toEqual([{ line: 7, firstLine: 3, email: "a@x.org" }]);
    expect(result.entries).toEqual([]);
    expect(result.lines).toBe(9);
  });

  it("leaves known addresses as they are: subscribed or waiting ones counted, unsubscribed ones never added", () => {
    const result = plan("email\nsub@x.org\nwait@x.org\ngone@x.org\nnew@x.org\n");
    expect(result).toMatchObject({ alreadyThere: 2, unsubscribedBefore: 1, entries: [{ email: "new@x.org" }] });
  });

  it("refuses a file without an email column, or that names a column twice, or that is empty", () => {
    expect(planImport(parseCsv("name,lists\nAnn,news\n"), lists, importAddressOf, () => undefined)).toEqual({ problem: "no_email_column" });
    expect(planImport(parseCsv("email,Email\na@x.org,b@x.org\n"), lists, importAddressOf, () => undefined)).toEqual({ problem: "repeated_column" });
    expect(planImport(parseCsv("\n\n"), lists, importAddressOf, () => undefined)).toEqual({ problem: "empty" });
  });

  it("counts a quote never closed as one bad line, on the line it opened", () => {
    expect(plan('email\na@x.org\n"b@x.org\nc@x.org\n').bad).toEqual([{ line: 3, reason: "unclosed_quote", detail: "" }]);
  });
});
