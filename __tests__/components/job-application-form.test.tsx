import { act, fireEvent, render, screen } from "@testing-library/react";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { JobApplicationForm } from "@/components/jobs/job-application-form";
import { RESUME_MAX_BYTES } from "@/lib/model/jobs";
import type { UploadFormResult } from "@/lib/uploads/form-result";

const route = "/api/jobs/7/applications";
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

// Next's router, as the app's layout provides it; the form goes to the next page through it.
const router = { push: jest.fn(), refresh: jest.fn(), replace: jest.fn(), back: jest.fn(), forward: jest.fn(), prefetch: jest.fn() } as unknown as AppRouterInstance;
const renderForm = (initial?: UploadFormResult) =>
  render(
    <AppRouterContext.Provider value={router}>
      <JobApplicationForm route={route} initial={initial} />
    </AppRouterContext.Provider>,
  );

/** The upload route's answer to the form's script (fetch is the browser's; no server runs here). */
function answerWith(answer: UploadFormResult) {
  const send = jest.fn(async () => ({ json: async () => answer }));
  global.fetch = send as unknown as typeof fetch;
  return send;
}

const refusal = {
  ok: false as const,
  message: "Please correct the fields marked below.",
  fieldErrors: { resume: ["This file is not a PDF or a Word document."] },
  values: { name: "Rosa Martinez", email: "rosa@example.org", phone: "585-555-0134", availability: "Weekends", isOwner: "on", coverLetter: "Hello.", resumeText: "" },
};

beforeEach(() => jest.clearAllMocks());

describe("JobApplicationForm", () => {
  it("is a plain multipart POST to the posting's upload route, its file field last, every field labelled", () => {
    renderForm();
    const form = field("resume").form!;
    expect({ action: form.getAttribute("action"), method: form.getAttribute("method"), enctype: form.getAttribute("enctype") }).toEqual({ action: route, method: "post", enctype: "multipart/form-data" });
    expect([...form.querySelectorAll<HTMLInputElement>("[name]")].at(-1)!.name).toBe("resume");
    for (const label of ["Full name", "Email", "Phone", "Availability", "I am an owner of the co-op", "Cover letter (optional)", "Paste your résumé as text"]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    const file = screen.getByLabelText("Résumé file (PDF or Word, up to 5 MB)");
    expect(file).toHaveAttribute("type", "file");
    expect(file.getAttribute("accept")).toContain(".docx");
    expect(screen.getByRole("group", { name: "Your résumé" })).toBeInTheDocument();
  });

  it("stops a file over 5 MB before sending it, with the error at the file field", async () => {
    const send = answerWith({ ok: true, redirect: "/jobs/x/apply/thanks" });
    renderForm();
    chooseFile(new File([new Uint8Array(RESUME_MAX_BYTES + 1)], "big.pdf", { type: "application/pdf" }));
    await act(async () => fireEvent.submit(field("resume").form!));
    expect(send).not.toHaveBeenCalled();
    expect(field("resume")).toHaveAttribute("aria-invalid", "true");
    expect(description(field("resume"))).toMatch(/This file is larger than 5 MB\./);
    expect(document.activeElement).toBe(field("resume"));

    chooseFile(new File(["%PDF-1.7"], "small.pdf", { type: "application/pdf" }));
    expect(field("resume")).not.toHaveAttribute("aria-invalid");
  });

  it("sends the form to the route asking for JSON, and goes to the page the route names when it is taken", async () => {
    const send = answerWith({ ok: true, redirect: "/jobs/x/apply/thanks" });
    renderForm();
    await act(async () => fireEvent.submit(field("resume").form!));
    expect(send).toHaveBeenCalledWith(route, expect.objectContaining({ method: "POST", headers: { Accept: "application/json" } }));
    expect(router.push).toHaveBeenCalledWith("/jobs/x/apply/thanks");
  });

  it("after a refused application, keeps what was typed, ties the error to the file field and says to choose the file again", async () => {
    const send = answerWith(refusal);
    renderForm();
    chooseFile(new File(["<html>"], "cv.pdf", { type: "application/pdf" }));
    await act(async () => fireEvent.submit(field("resume").form!));
    expect(send).toHaveBeenCalledTimes(1);
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

  it("shows a form that came back without JavaScript (the route's answer) the same way, without sending anything", () => {
    const send = answerWith({ ok: true });
    renderForm(refusal);
    expect(send).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("Please correct the fields marked below.");
    expect(field("email").value).toBe("rosa@example.org");
    expect(field("resume")).toHaveAttribute("aria-invalid", "true");
  });

  it("keeps what was typed when no answer comes (the connection dropped)", async () => {
    global.fetch = jest.fn(async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    renderForm();
    fireEvent.change(field("name"), { target: { value: "Leo Okafor" } });
    await act(async () => fireEvent.submit(field("resume").form!));
    expect(screen.getByRole("alert")).toHaveTextContent("The form could not be sent. Check your connection, then send it again.");
    expect(field("name").value).toBe("Leo Okafor");
  });
});
