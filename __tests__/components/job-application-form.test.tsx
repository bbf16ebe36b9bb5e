import { act, fireEvent, render, screen } from "@testing-library/react";
import { JobApplicationForm } from "@/components/jobs/job-application-form";
import type { submitJobApplicationAction } from "@/lib/actions/job-applications";
import { RESUME_MAX_BYTES } from "@/lib/jobs/vocabulary";

type Action = typeof submitJobApplicationAction;

const field = (name: string) => document.querySelector<HTMLInputElement & HTMLTextAreaElement>(`[name="${name}"]`)!;

/** What the field's aria-describedby points at, as read aloud. */
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent)
    .join(" ");

function chooseFile(file: File) {
  Object.defineProperty(field("resume"), "files", { value: [file], configurable: true });
  fireEvent.change(field("resume"));
}

describe("JobApplicationForm", () => {
  it("labels every field, and offers a PDF or Word file or pasted text for the résumé", () => {
    render(<JobApplicationForm action={jest.fn() as unknown as Action} jobId={7} />);
    expect(field("jobId").value).toBe("7");
    for (const label of ["Full name", "Email", "Phone", "Availability", "I am an owner of the co-op", "Cover letter (optional)", "Or paste your résumé as text"]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    const file = screen.getByLabelText("Résumé file (PDF or Word, up to 5 MB)");
    expect(file).toHaveAttribute("type", "file");
    expect(file.getAttribute("accept")).toContain(".docx");
    expect(screen.getByRole("group", { name: "Your résumé" })).toBeInTheDocument();
  });

  it("stops a file over 5 MB before sending it, with the error at the file field", async () => {
    const action = jest.fn();
    render(<JobApplicationForm action={action as unknown as Action} jobId={7} />);
    chooseFile(new File([new Uint8Array(RESUME_MAX_BYTES + 1)], "big.pdf", { type: "application/pdf" }));
    await act(async () => fireEvent.submit(field("resume").form!));
    expect(action).not.toHaveBeenCalled();
    expect(field("resume")).toHaveAttribute("aria-invalid", "true");
    expect(description(field("resume"))).toMatch(/This file is larger than 5 MB\./);
    expect(document.activeElement).toBe(field("resume"));

    chooseFile(new File(["%PDF-1.7"], "small.pdf", { type: "application/pdf" }));
    expect(field("resume")).not.toHaveAttribute("aria-invalid");
  });

  it("after a refused application, keeps what was typed, ties the error to the file field and says to choose the file again", async () => {
    const action = jest.fn(async () => ({
      ok: false as const,
      message: "Please correct the fields marked below.",
      fieldErrors: { resume: ["This file is not a PDF or a Word document."] },
      values: { jobId: "7", name: "Rosa Martinez", email: "rosa@example.org", phone: "585-555-0134", availability: "Weekends", isOwner: "on", coverLetter: "Hello.", resumeText: "" },
    }));
    render(<JobApplicationForm action={action as unknown as Action} jobId={7} />);
    chooseFile(new File(["<html>"], "cv.pdf", { type: "application/pdf" }));
    await act(async () => fireEvent.submit(field("resume").form!));
    expect(action).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the fields marked below.");
    expect(field("name").value).toBe("Rosa Martinez");
    expect(field("coverLetter").value).toBe("Hello.");
    expect(field("isOwner").checked).toBe(true);
    expect(field("resume")).toHaveAttribute("aria-invalid", "true");
    expect(description(field("resume"))).toBe(
      "Choose your file again: a browser does not keep a chosen file when the form comes back. This file is not a PDF or a Word document.",
    );
    expect(document.activeElement).toBe(field("resume"));
  });
});
