import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFRawStream, StandardFonts, type PDFFont } from "pdf-lib";
import { renderOwnerApplicationPdf, type OwnerApplicationForPdf } from "@/lib/owners/application-pdf";
import { wrapText } from "@/lib/pdf/form-layout";
import { defaultEquityPlans, type EquityPlan } from "@/lib/model/equity";
import { neutraliseFormula } from "@/lib/csv";
import { ownersCsv, type OwnerExportRow } from "@/lib/owners/owners-csv";

const [, monthly] = defaultEquityPlans as [EquityPlan, EquityPlan];
const store = { coopName: "Hillside Food Co-op", address: "12 Main Street, Ithaca, NY 14850", phone: "(607) 555-0100" };

const application: OwnerApplicationForPdf = {
  id: 42,
  email: "ada@coop.example",
  name: "Ada Lovelace",
  phone: "(607) 555-0142",
  streetAddress: "3 Elm Street",
  locality: "Ithaca",
  region: "NY",
  postalCode: "14850",
  equityPlan: monthly,
  planId: monthly.id,
  flowerPrograms: ["snap"],
  signature: "Ada Lovelace",
  signedOn: "2026-03-10",
  note: null,
  status: "submitted",
  declineReason: null,
  submittedAt: new Date("2026-03-10T15:00:00Z"),
  household: [{ name: "Byron Lovelace", email: null }],
};

/** Each page's drawing operators: pdf-lib writes them in Flate-compressed content streams. */
async function pageOperators(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf);
  return doc.getPages().flatMap((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    return streams.map((stream) => {
      if (!(stream instanceof PDFRawStream)) throw new Error("Expected a raw content stream");
      return inflateSync(stream.contents).toString("latin1");
    });
  });
}

type ShownLine = { text: string; x: number; y: number; size: number; bold: boolean };

/**
 * Every string the pages show, in drawing order, with where and how it is drawn: pdf-lib
 * writes each drawText as `/Font size Tf … 1 0 0 1 x y Tm <hex> Tj`. Helvetica's WinAnsi
 * codes read back as latin1 for the text used here.
 */
async function shownLines(pdf: Uint8Array): Promise<ShownLine[]> {
  const drawText = /\/(\S+) ([\d.]+) Tf[\s\S]*?1 0 0 1 ([\d.-]+) ([\d.-]+) Tm\s*<([0-9A-F]*)> Tj/g;
  return (await pageOperators(pdf)).flatMap((operators) => {
    const matches = [...operators.matchAll(drawText)];
    if (matches.length !== operators.match(/ Tj$/gm)?.length) throw new Error("Text drawn in a way this helper cannot read");
    return matches.map(([, font, size, x, y, hex]) => ({
      text: Buffer.from(hex!, "hex").toString("latin1"),
      x: Number(x),
      y: Number(y),
      size: Number(size),
      bold: font!.startsWith("Helvetica-Bold"),
    }));
  });
}

const shownText = async (pdf: Uint8Array) => (await shownLines(pdf)).map((line) => line.text);

let helvetica: PDFFont;
let helveticaBold: PDFFont;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  helvetica = await doc.embedFont(StandardFonts.Helvetica);
  helveticaBold = await doc.embedFont(StandardFonts.HelveticaBold);
});

const render = (changes: Partial<OwnerApplicationForPdf> = {}) => renderOwnerApplicationPdf({ ...application, ...changes }, store);

describe("renderOwnerApplicationPdf", () => {
  it("is a US Letter PDF titled by the application number, not the applicant's name", async () => {
    const doc = await PDFDocument.load(await render());
    expect(doc.getTitle()).toBe("Owner application 42");
    expect(doc.getPage(0).getSize()).toEqual({ width: 612, height: 792 });
  });

  it("prints the applicant's name, the co-op and the staff line", async () => {
    const text = await shownText(await render({ name: "Ada Byron King" }));
    expect(text).toEqual(expect.arrayContaining(["Hillside Food Co-op", "Ada Byron King", "Byron Lovelace", "SNAP (food stamps)"]));
    expect(text).toContain("For staff use: owner number __________ entered by ____________________");
    expect(text).toContain("Owner application 42, page 1 of 1");
  });

  it("draws boxes as outlines, never filled over the text they surround", async () => {
    const operators = (await pageOperators(await render())).join("\n");
    expect(operators).toMatch(/^S$/m);
    expect(operators).not.toMatch(/^(f|F|f\*|B|B\*|b|b\*)$/m);
  });

  it("prints characters Helvetica cannot encode as ? instead of failing", async () => {
    const text = await shownText(await render({ name: "Zoë 🌻 李 Łukasz", signature: "李" }));
    expect(text).toContain("Zoë ? ? ?ukasz");
  });

  it("lists the equity payments due if the application is approved on the store's day it was submitted", async () => {
    // 02:00 UTC on the 11th is still the evening of the 10th in New York.
    const text = await shownText(await render({ submittedAt: new Date("2026-03-11T02:00:00Z") }));
    expect(text).toContain("Payments if approved on 2026-03-10:");
    expect(text).toEqual(expect.arrayContaining(["2026-03-10", "$25.00", "2026-08-10", "$15.00", "$100.00"]));
  });

  it("says when a plan's terms were not recorded, and when no household or discount was given", async () => {
    const text = await shownText(await render({ equityPlan: null, planId: "monthly", household: [], flowerPrograms: [] }));
    expect(text).toEqual(expect.arrayContaining(["monthly (terms not recorded)", "None", "Not requested"]));
  });

  it("gives the reason an application was declined", async () => {
    const text = await shownText(await render({ status: "declined", declineReason: "Moved out of the area." }));
    expect(text).toEqual(expect.arrayContaining(["Declined", "Moved out of the area."]));
  });

  it("wraps a long note over several lines and keeps every word", async () => {
    const note = Array.from({ length: 150 }, (_, index) => `word${index}`).join(" ");
    const noteLines = (await shownText(await render({ note }))).filter((line) => line.startsWith("word"));
    expect(noteLines.length).toBeGreaterThan(1);
    expect(noteLines.join(" ")).toBe(note);
  });

  it("keeps every line within the margins, wrapping long text and turning the page when the form runs long", async () => {
    const pdf = await render({
      name: "Ada Augusta King, Countess of Lovelace ".repeat(3),
      email: `${"a".repeat(150)}@coop.example`,
      note: "Please call after five. ".repeat(40),
      equityPlan: { ...monthly, firstPaymentCents: 100, installmentCents: 100 },
    });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
    for (const line of await shownLines(pdf)) {
      const width = (line.bold ? helveticaBold : helvetica).widthOfTextAtSize(line.text, line.size);
      expect(line.x).toBeGreaterThanOrEqual(54);
      expect(line.x + width).toBeLessThanOrEqual(612 - 54 + 0.001);
      expect(line.y).toBeGreaterThan(18);
      expect(line.y).toBeLessThan(792 - 54);
    }
  });
});

describe("wrapText", () => {
  it("breaks between words so that no line is wider than asked", () => {
    const lines = wrapText("the quick brown fox jumps over the lazy dog", helvetica, 10, 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe("the quick brown fox jumps over the lazy dog");
    for (const line of lines) expect(helvetica.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(60);
  });

  it("cuts a word too long for a line, and keeps the line breaks a person typed", () => {
    const lines = wrapText("first\nsupercalifragilisticexpialidocious", helvetica, 10, 50);
    expect(lines[0]).toBe("first");
    expect(lines.slice(1).join("")).toBe("supercalifragilisticexpialidocious");
    expect(lines.length).toBeGreaterThan(2);
  });
});

const owner: OwnerExportRow = {
  ownerNumber: 1007,
  name: "Zoë Ortiz",
  email: "zoe@coop.example",
  phone: "(607) 555-0107",
  streetAddress: "3 Elm Street",
  locality: "Ithaca",
  region: "NY",
  postalCode: "14850",
  household: ["Sam Ortiz", "Lee Ortiz"],
  planName: "$25 now, then $15 a month",
  paidCents: 4000,
  flowerPrograms: ["snap", "wic"],
  flowerVerifiedUntil: "2027-03-10",
  joinedOn: "2026-03-10",
  status: "active",
};

const header =
  "owner_number,name,email,phone,street_address,city,state,zip,household,equity_plan,equity_paid,flower_programs,flower_verified_until,joined_on,status";

describe("ownersCsv", () => {
  it("starts with a byte order mark and a header, then one CRLF-ended record per owner", () => {
    const csv = ownersCsv([owner, { ...owner, ownerNumber: 1008, name: "Ana Ruiz", phone: null, flowerPrograms: [], flowerVerifiedUntil: null }]);
    expect(csv).toBe(
      "\uFEFF" +
        [
          header,
          '1007,Zoë Ortiz,zoe@coop.example,(607) 555-0107,3 Elm Street,Ithaca,NY,14850,Sam Ortiz; Lee Ortiz,"$25 now, then $15 a month",40.00,SNAP (food stamps); WIC,2027-03-10,2026-03-10,active',
          '1008,Ana Ruiz,zoe@coop.example,,3 Elm Street,Ithaca,NY,14850,Sam Ortiz; Lee Ortiz,"$25 now, then $15 a month",40.00,,,2026-03-10,active',
          "",
        ].join("\r\n"),
    );
  });

  it("makes a name that would run as a spreadsheet formula plain text", () => {
    const csv = ownersCsv([{ ...owner, name: '=HYPERLINK("http://x")', email: "@SUM(A1)", phone: "+1 607 555 0107" }]);
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",'@SUM(A1),'+1 607 555 0107,`);
  });

  it("keeps commas, quotes and line breaks inside one quoted cell", () => {
    const csv = ownersCsv([{ ...owner, name: 'Ortiz, "Zoë"\nJr' }]);
    expect(csv).toContain(`\r\n1007,"Ortiz, ""Zoë""\nJr",zoe@coop.example,`);
  });
});

describe("neutraliseFormula", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"])("prefixes %j with a single quote", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it.each(["Ada Lovelace", "O'Brien", "Mary-Jane", ""])("leaves %j as it is", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
});
