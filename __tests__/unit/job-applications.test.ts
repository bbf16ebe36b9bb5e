import { attachmentDisposition, resumeDownloadName } from "@/lib/jobs/resume-file-name";
import { RESUME_MAX_BYTES } from "@/lib/model/jobs";
import { jobApplicationFormSchema } from "@/lib/validations/job-applications";
import { jobSettingsFormSchema } from "@/lib/validations/job-settings";

describe("a résumé's download name", () => {
  it.each([
    ["Rosa Martinez CV.pdf", "pdf", "Rosa Martinez CV.pdf"],
    ["../../etc/passwd", "pdf", "passwd.pdf"],
    ["..\\..\\windows\\cv.docx", "docx", "cv.docx"],
    ["cv.html", "pdf", "cv.pdf"],
    ["résumé\u202Efdp.exe", "pdf", "résuméfdp.pdf"],
    ["line\r\nbreak\u0000.pdf", "pdf", "linebreak.pdf"],
    ['say "hi" <b>.doc', "doc", "say _hi_ _b_.doc"],
    ["...", "pdf", "resume.pdf"],
    ["", "docx", "resume.docx"],
    [".hidden", "pdf", "hidden.pdf"],
  ])("%j sent as %s downloads as %j", (sent, extension, expected) => {
    expect(resumeDownloadName(sent, extension)).toBe(expected);
  });

  it("is at most 100 characters before its extension, counted in characters, not bytes", () => {
    const name = resumeDownloadName(`${"é".repeat(300)}.pdf`, "pdf");
    expect(name).toBe(`${"é".repeat(100)}.pdf`);
  });
});

describe("Content-Disposition for a download (RFC 6266, RFC 5987)", () => {
  it("gives a plain name as it is", () => {
    expect(attachmentDisposition("cv.pdf")).toBe(`attachment; filename="cv.pdf"; filename*=UTF-8''cv.pdf`);
  });

  it("gives old clients an ASCII name and others the exact one, percent-encoded", () => {
    expect(attachmentDisposition("Résumé Zoë 履歴書.pdf")).toBe(
      `attachment; filename="Resume Zoe ___.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20Zo%C3%AB%20%E5%B1%A5%E6%AD%B4%E6%9B%B8.pdf`,
    );
  });

  it("cannot be broken out of by quotes, backslashes or percent signs", () => {
    expect(attachmentDisposition(`a"b\\c%41'(d)*.pdf`)).toBe(`attachment; filename="a_b_c_41'(d)*.pdf"; filename*=UTF-8''a%22b%5Cc%2541%27%28d%29%2A.pdf`);
  });
});

describe("the job application form", () => {
  const fields = { jobId: "7", name: "Rosa Martinez", email: "Rosa@Example.org", phone: "585-555-0134", availability: "Weekends", coverLetter: "", resumeText: "" };
  const file = (size: number, name = "cv.pdf") => new File([new Uint8Array(size)], name, { type: "application/pdf" });
  const errorsOf = (input: Record<string, unknown>) => {
    const result = jobApplicationFormSchema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("takes a résumé file", () => {
    const parsed = jobApplicationFormSchema.parse({ ...fields, resume: file(1000) });
    expect(parsed).toMatchObject({ jobId: 7, email: "rosa@example.org", isOwner: false, resumeText: undefined });
    expect(parsed.resume?.size).toBe(1000);
  });

  it("takes pasted text instead, and reads an empty file input as no file", () => {
    const parsed = jobApplicationFormSchema.parse({ ...fields, isOwner: "on", resumeText: "Ten years in retail.", resume: new File([], "") });
    expect(parsed).toMatchObject({ isOwner: true, resumeText: "Ten years in retail.", resume: undefined });
  });

  it("needs one of the two, said at the file field, along with the other fields' errors", () => {
    expect(errorsOf({ ...fields, name: "", resume: new File([], "") })).toEqual({
      name: "Required.",
      resume: "Attach your résumé as a PDF or Word file, or paste it as text above.",
    });
  });

  it("refuses a file over 5 MB and an empty one by their size, before anything reads them", () => {
    expect(errorsOf({ ...fields, resume: file(RESUME_MAX_BYTES + 1) })).toEqual({ resume: expect.stringMatching(/^This file is larger than 5 MB\./) });
    expect(errorsOf({ ...fields, resume: file(RESUME_MAX_BYTES) })).toEqual({});
    expect(errorsOf({ ...fields, resume: file(0) })).toEqual({ resume: expect.stringMatching(/^This file is empty\./) });
  });

  it("refuses a text where a file should be", () => {
    expect(errorsOf({ ...fields, resume: "cv.pdf" })).toEqual({ resume: "Choose a file." });
  });
});

describe("the jobs settings form", () => {
  it.each([
    ["365", 365],
    ["30", 30],
    ["3,650", 3650],
  ])("reads %j as %d days", (typed, days) => {
    expect(jobSettingsFormSchema.parse({ retentionDays: typed })).toEqual({ retentionDays: days });
  });

  it.each(["29", "3651", "90.5", "a year", ""])("refuses %j in words", (typed) => {
    const result = jobSettingsFormSchema.safeParse({ retentionDays: typed });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["Give a whole number of days from 30 to 3,650."]);
  });
});
