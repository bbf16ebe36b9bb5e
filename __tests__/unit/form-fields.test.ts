import { nestFormFields } from "@/lib/validations/form-fields";
import { monographFormSchema } from "@/lib/validations/monographs";

type Polluted = { polluted?: unknown };

afterEach(() => {
  // Only reached when a test fails: keep one failure from leaking into the next test.
  delete (Object.prototype as Polluted).polluted;
});

describe("nestFormFields", () => {
  it("nests dotted names into objects and rows", () => {
    const fields = nestFormFields(
      { title: "Ginger", "sections.safety": "Take with food.", "evidence.0.grade": "B", "evidence.1.grade": "C", "evidence.1.condition": "Nausea" },
      { maxIndex: 10 },
    );
    expect(fields).toEqual({
      title: "Ginger",
      sections: { safety: "Take with food." },
      evidence: [{ grade: "B" }, { grade: "C", condition: "Nausea" }],
    });
  });

  it("builds on objects without a prototype", () => {
    const fields = nestFormFields({ "sections.safety": "Take with food.", "evidence.0.grade": "B" }, { maxIndex: 10 });
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(Object.getPrototypeOf(fields.sections)).toBeNull();
    expect(Object.getPrototypeOf((fields.evidence as unknown[])[0])).toBeNull();
  });

  it("drops __proto__.polluted=1: no object in the process gains the property", () => {
    const fields = nestFormFields({ "__proto__.polluted": "1", title: "Ginger" }, { maxIndex: 10 });
    expect(({} as Polluted).polluted).toBeUndefined();
    expect(Object.keys(fields)).toEqual(["title"]);
  });

  it("drops constructor.prototype.polluted=1: no object in the process gains the property", () => {
    const fields = nestFormFields({ "constructor.prototype.polluted": "1", title: "Ginger" }, { maxIndex: 10 });
    expect(({} as Polluted).polluted).toBeUndefined();
    expect(Object.keys(fields)).toEqual(["title"]);
  });

  it.each(["__proto__", "prototype", "constructor"])("drops every name with a %s part, wherever it is", (part) => {
    const fields = nestFormFields({ [part]: "1", [`${part}.a`]: "1", [`sections.${part}`]: "1", [`sections.${part}.a`]: "1", [`evidence.0.${part}`]: "1" }, { maxIndex: 10 });
    expect(Object.keys(fields)).toEqual([]);
  });

  it("never makes a huge array from a huge row index", () => {
    const fields = nestFormFields({ "evidence.4294967294.condition": "Nausea" }, { maxIndex: 80 });
    const evidence = fields.evidence as unknown[] | undefined;
    expect(evidence?.length ?? 0).toBeLessThanOrEqual(81);
  });

  it("follows row indices up to maxIndex and drops those beyond it", () => {
    const fields = nestFormFields({ "evidence.2.grade": "A", "evidence.3.grade": "B", "evidence.03.grade": "C", "evidence.x.grade": "D" }, { maxIndex: 2 });
    expect(fields.evidence).toEqual([undefined, undefined, { grade: "A" }]);
  });

  it("drops a name that nests under a plain value instead of failing", () => {
    expect(nestFormFields({ title: "Ginger", "title.first": "G" }, { maxIndex: 10 })).toEqual({ title: "Ginger" });
  });
});

describe("the monograph form", () => {
  const form = { slug: "ginger", title: "Ginger", category: "herbs-supplements", "sections.safety": "Take with food." };

  it("parses its nested fields (zod takes objects without a prototype)", () => {
    const parsed = monographFormSchema.safeParse({ ...form, "evidence.0.condition": "Nausea", "evidence.0.grade": "B", "evidence.1.condition": "" });
    expect(parsed.error).toBeUndefined();
    expect(parsed.data).toMatchObject({ sections: { safety: "Take with food." }, evidence: [{ condition: "Nausea", grade: "B", note: "" }] });
  });

  it("ignores a row index beyond its largest row limit", () => {
    const parsed = monographFormSchema.safeParse({ ...form, "references.81.authors": "Nobody" });
    expect(parsed.data?.references).toEqual([]);
  });
});
