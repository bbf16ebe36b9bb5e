import { db } from "@/db";
import { getJobApplication, getJobTakingApplications, insertJobApplication, listApplicationsForJob, setApplicantStatus } from "@/db/queries/job-applications";
import { jobs } from "@/db/schema";
import type { JobStatus } from "@/lib/model/jobs";

let slugs = 0;
function posting(status: JobStatus, closesOn = "2099-12-31") {
  return db
    .insert(jobs)
    .values({
      slug: `applications-${++slugs}`,
      title: `Cashier ${slugs}`,
      department: "Front end",
      employmentType: "full_time",
      hours: "40 hours a week",
      payMinCents: 1700,
      payUnit: "hour",
      location: "The store",
      description: "Ring up groceries.",
      closesOn,
      status,
    })
    .returning({ id: jobs.id, slug: jobs.slug, title: jobs.title })
    .get();
}

const applicant = (jobId: number, name: string) => ({ jobId, name, email: `${name.toLowerCase()}@example.org`, phone: "585-555-0134", availability: "Mornings", isOwner: name === "Ada", coverLetter: "" });

describe("whether a posting takes applications", () => {
  it("a published posting does, through its closing day", () => {
    const open = posting("published", "2026-12-01");
    expect(getJobTakingApplications(db, open.id, "2026-12-01")).toEqual(expect.objectContaining(open));
  });

  it.each([
    ["a day after its closing day", "published" as const, "2026-12-02", "conflict", "job_closed"],
    ["once closed", "closed" as const, "2026-11-27", "conflict", "job_closed"],
    ["while a draft (never public)", "draft" as const, "2026-11-27", "not_found", "job_not_found"],
  ])("takes none %s", (_, status, today, code, reason) => {
    const job = posting(status, "2026-12-01");
    expect(() => getJobTakingApplications(db, job.id, today)).toThrow(expect.objectContaining({ code, reason }));
  });

  it("a posting that does not exist is not found", () => {
    expect(() => getJobTakingApplications(db, 999_999, "2026-11-27")).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});

describe("applications", () => {
  const job = posting("published");
  const fileId = "f".repeat(32);
  const withFile = db.transaction((tx) =>
    insertJobApplication(tx, applicant(job.id, "Rosa"), { id: fileId, originalName: "cv.pdf", contentType: "application/pdf", sizeBytes: 1234 }),
  );
  const withText = db.transaction((tx) => insertJobApplication(tx, { ...applicant(job.id, "Ada"), resumeText: "Ten years in retail." }));

  it("are listed for staff newest first, saying whether each has a résumé file or text", () => {
    expect(listApplicationsForJob(job.id)).toEqual([
      expect.objectContaining({ id: withText, name: "Ada", isOwner: true, status: "new", notes: "", hasResumeFile: false, hasResumeText: true }),
      expect.objectContaining({ id: withFile, name: "Rosa", email: "rosa@example.org", phone: "585-555-0134", availability: "Mornings", isOwner: false, hasResumeFile: true, hasResumeText: false }),
    ]);
    expect(listApplicationsForJob(posting("published").id)).toEqual([]);
  });

  it("one is read with its posting and its résumé file's details", () => {
    expect(getJobApplication(withFile)).toEqual({
      application: expect.objectContaining({ id: withFile, resumeUploadId: fileId, resumeText: null }),
      job,
      resumeFile: { id: fileId, originalName: "cv.pdf", contentType: "application/pdf", sizeBytes: 1234 },
    });
    expect(getJobApplication(withText)).toMatchObject({ application: { resumeText: "Ten years in retail." }, resumeFile: null });
    expect(getJobApplication(999_999)).toBeNull();
  });

  it("move through the statuses with staff's notes; the status's time changes only with the status", () => {
    // The status last changed an hour ago, so that a change now is later by any clock.
    db.$client.prepare("update job_applications set status_changed_at = status_changed_at - 3600000 where id = ?").run(withFile);
    const before = getJobApplication(withFile)!.application;
    expect(setApplicantStatus(db, withFile, "interview", "Call back Tuesday.")).toMatchObject({ status: "new", notes: "" });
    const moved = getJobApplication(withFile)!.application;
    expect(moved).toMatchObject({ status: "interview", notes: "Call back Tuesday." });
    expect(moved.statusChangedAt.getTime()).toBeGreaterThan(before.statusChangedAt.getTime());

    setApplicantStatus(db, withFile, "interview", "Interview on Tuesday at 10.");
    const noted = getJobApplication(withFile)!.application;
    expect(noted).toMatchObject({ status: "interview", notes: "Interview on Tuesday at 10." });
    expect(noted.statusChangedAt).toEqual(moved.statusChangedAt);

    setApplicantStatus(db, withFile, "offer");
    expect(getJobApplication(withFile)!.application).toMatchObject({ status: "offer", notes: "Interview on Tuesday at 10." });
  });

  it("a status change for an application that does not exist is not_found", () => {
    expect(() => setApplicantStatus(db, 999_999, "hired")).toThrow(expect.objectContaining({ code: "not_found", reason: "application_not_found" }));
  });
});
