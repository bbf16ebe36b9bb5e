import { formatFileSize, issueDownloadName, issuePdfPath, issueSlug } from "@/lib/newsletter/issue-files";
import { ISSUE_PDF_MAX_BYTES } from "@/lib/model/newsletter";
import { newsletterIssueSchema } from "@/lib/validations/newsletter-issues";

describe("an issue's names", () => {
  it("makes its address from its date and title, never anything that reaches another path", () => {
    expect(issueSlug("2026-11-01", "Winter 2026: the Root Cellar issue!")).toBe("2026-11-01-winter-2026-the-root-cellar-issue");
    expect(issueSlug("2026-11-01", "../../coop.db")).toBe("2026-11-01-coop-db");
    expect(issueSlug("2026-11-01", "¿¡")).toBe("2026-11-01");
    expect(issuePdfPath("2026-11-01-winter")).toBe("/newsletter/issues/2026-11-01-winter");
  });

  it("downloads under the issue's date", () => {
    expect(issueDownloadName("2026-11-01")).toBe("rutabaga-rap-2026-11-01.pdf");
  });

  it("shows sizes as people read them", () => {
    expect(formatFileSize(900)).toBe("900 bytes");
    expect(formatFileSize(188_416)).toBe("184 KB");
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe("2.4 MB");
  });
});

describe("the issue upload form", () => {
  const pdf = (size: number, name = "issue.pdf") => new File([new Uint8Array(size)], name, { type: "application/pdf" });
  const errorsOf = (input: Record<string, unknown>) => {
    const parsed = newsletterIssueSchema.safeParse({ title: "Winter", issuedOn: "2026-11-01", summary: "", ...input });
    return parsed.success ? null : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  it("takes a title, a real day, a summary and a file", () => {
    expect(errorsOf({ pdf: pdf(10) })).toBeNull();
  });

  it("treats an empty file input as no file, and refuses an empty file or one over 20 MB", () => {
    expect(errorsOf({ pdf: pdf(0, "") })).toEqual([["pdf", "Choose the issue’s PDF file."]]);
    expect(errorsOf({ pdf: pdf(0) })).toEqual([["pdf", "This file is empty. Choose the issue’s PDF file."]]);
    expect(errorsOf({ pdf: pdf(ISSUE_PDF_MAX_BYTES + 1) })).toEqual([["pdf", expect.stringMatching(/^This file is larger than 20 MB\./)]]);
  });

  it("refuses a day that does not exist and a summary over 1,000 characters", () => {
    expect(errorsOf({ pdf: pdf(10), issuedOn: "2026-02-30", summary: "x".repeat(1001) })).toEqual([
      ["issuedOn", "That day does not exist."],
      ["summary", "At most 1,000 characters."],
    ]);
  });
});
