import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { JSDOM } from "jsdom";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { forgedSessionCookie, hasField, parseRawAnswer, postUploadForm, scrapeForm, scrapeUploadForm, submitForm, type FormFields } from "../helpers/forms";
import { text } from "../helpers/html";
import { portalDataDir, portalUrl, withPortalDb } from "../helpers/portal";
import { storedSessionCookie } from "../helpers/stored-session";

jest.setTimeout(120_000);

/*
 * Bodies sized to their form: server actions take a small body (the longest text form
 * fits), and the two file uploads go to route handlers that decide before reading the
 * body, stop reading at the form's own cap, and stream the file to disk.
 */

const MB = 1024 * 1024;
const run = crypto.randomBytes(4).toString("hex");
const uploadsDir = () => path.join(portalDataDir(), "uploads");
const uploadFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const scalar = <T>(sql: string, ...params: unknown[]) => withPortalDb((db) => db.prepare(sql).pluck().get(...params) as T);

const slug = `bodies-${run}`;
let jobId: number;
let staff: string;
let member: string;

beforeAll(async () => {
  jobId = withPortalDb((db) => {
    const now = Date.now();
    return (
      db
        .prepare(
          `insert into jobs (slug, title, department, employment_type, hours, pay_min_cents, pay_unit, location, description, closes_on, status, published_at, created_at, updated_at)
           values (?, ?, 'Produce', 'part_time', '20 hours a week', 1650, 'hour', 'The store', 'Keep the produce fresh.', '2099-12-31', 'published', ?, ?, ?) returning id`,
        )
        .get(slug, `Produce clerk ${slug}`, now, now, now) as { id: number }
    ).id;
  });
  staff = storedSessionCookie(`bodies-staff-${run}@coop.example`, "staff");
  member = storedSessionCookie(`bodies-member-${run}@coop.example`, "member");
});

async function smallPdf(line: string) {
  const document = await PDFDocument.create();
  document.addPage().drawText(line, { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await document.save());
}

const applyPath = () => `/jobs/${slug}/apply`;
const applicant = (email: string): FormFields => ({ name: "Rosa Martinez", email, phone: "585-555-0134", availability: "Weekday evenings", coverLetter: "I love this store." });
const applicationsOf = (email: string) => scalar<number>("select count(*) from job_applications where email = ?", email);

type Answered = ReturnType<typeof parseRawAnswer> & { sent: number; declared: number };

/**
 * Sends a multipart body that declares `fileBytes` of file after its text fields, in
 * chunks, on a connection of its own, and stops sending once the server answers: how much
 * had been written by then shows whether the server waited for the whole body. A raw
 * socket, because a server that closes after answering makes the next write fail, and an
 * HTTP client would drop the answer already received with it.
 *
 * `answerFirst`: for a refusal the server makes before reading, the client waits a moment
 * for it after the text fields, as a client sending `Expect: 100-continue` would, before it
 * sends the file. Otherwise the file would be in flight when the server closes, and a
 * close with unread data resets the connection: the answer could be lost with it (a
 * browser reads it anyway; this test client might not).
 */
function postUntilAnswered(
  urlPath: string,
  options: { fields: Record<string, string>; fileField: string; fileBytes: number; cookie?: string; accept?: string; chunked?: boolean; answerFirst?: boolean },
): Promise<Answered> {
  const boundary = `----bodies${crypto.randomBytes(8).toString("hex")}`;
  const parts = Object.entries(options.fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const preamble = Buffer.from(`${parts.join("")}--${boundary}\r\nContent-Disposition: form-data; name="${options.fileField}"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
  const epilogue = Buffer.from(`\r\n--${boundary}--\r\n`);
  const fileRest = options.fileBytes - "%PDF-1.4\n".length;
  const declared = preamble.length + fileRest + epilogue.length;
  const url = new URL(portalUrl(urlPath));
  const head = [
    `POST ${url.pathname} HTTP/1.1`,
    `Host: ${url.host}`,
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    options.chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${declared}`,
    `Origin: ${url.origin}`,
    `Accept: ${options.accept ?? "application/json"}`,
    ...(options.cookie ? [`Cookie: ${options.cookie}`] : []),
    "Connection: close",
  ].join("\r\n");
  return new Promise((resolve, reject) => {
    let sent = 0;
    let sentWhenAnswered: number | undefined;
    const received: Buffer[] = [];
    const socket = net.connect(Number(url.port), url.hostname);
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    socket.on("data", (chunk) => {
      sentWhenAnswered ??= sent;
      received.push(chunk);
      answer();
    });
    // A reset after the answer is how a server that stopped reading ends; without an answer it is a failure.
    socket.on("error", () => {});
    socket.on("close", () => {
      if (sentWhenAnswered === undefined) reject(new Error(`No answer from ${urlPath} after ${sent} of ${declared} bytes`));
      else resolve({ ...parseRawAnswer(Buffer.concat(received)), sent: sentWhenAnswered, declared });
    });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    // Chunked, each piece is framed by its length; the bytes counted are the body's own.
    const framed = (bytes: Buffer) => (options.chunked ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n")]) : bytes);
    const write = (bytes: Buffer, raw = false) =>
      new Promise<void>((done) => {
        sent += raw ? 0 : bytes.length;
        if (socket.write(raw ? bytes : framed(bytes))) done();
        else {
          socket.once("drain", done);
          socket.once("close", done);
        }
      });
    socket.setMaxListeners(0);
    void (async () => {
      await write(Buffer.from(`${head}\r\n\r\n`), true);
      await write(preamble);
      if (options.answerFirst) await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 3000))]);
      for (let left = fileRest; left > 0 && sentWhenAnswered === undefined && !socket.destroyed; left -= chunk.length) await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
      // Done sending, not ended from this side (see postOnOwnSocket): the server closes after its answer.
      if (sentWhenAnswered === undefined && !socket.destroyed) socket.write(Buffer.concat([framed(epilogue), Buffer.from(options.chunked ? "0\r\n\r\n" : "")]));
    })().catch(() => {});
  });
}

/** Posts a form on a connection of its own (the server may close one it stopped reading). */
async function postOnOwnConnection(urlPath: string, body: FormData, headers: Record<string, string>) {
  const encoded = new Response(body);
  const bytes = Buffer.from(await encoded.arrayBuffer());
  return new Promise<number | "connection reset">((resolve, reject) => {
    const request = http.request(portalUrl(urlPath), {
      method: "POST",
      agent: false,
      headers: { ...headers, "Content-Type": encoded.headers.get("content-type")!, "Content-Length": bytes.length, Origin: new URL(portalUrl()).origin, Connection: "close" },
    });
    request.on("response", (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? resolve("connection reset") : reject(error)));
    request.end(bytes);
  });
}

describe("server actions take a small body", () => {
  it("a 2 MB body to a public action (the newsletter signup) is refused before the action runs, and nothing is stored", async () => {
    const email = `bodies-signup-${run}@coop.example`;
    const form = await scrapeForm("/visit", "", hasField("firstName"));
    const reference = Object.entries(form).find(([name]) => /^\$ACTION_\d+:0$/.test(name))!;
    const body = new FormData();
    body.append("_1_email", email);
    body.append("_1_firstName", "Big");
    body.append("_1_padding", "x".repeat(2 * MB));
    body.append("0", JSON.stringify([null, "$K1"]));
    const actionId = (JSON.parse(reference[1]!) as { id: string }).id;
    const status = await postOnOwnConnection("/visit", body, { "Next-Action": actionId, Accept: "text/x-component" });
    // Next's 413 reaches the client as its error page (500) or a closed connection.
    expect(String(status)).toMatch(/^(413|500|connection reset)$/);
    expect(scalar<number>("select count(*) from newsletter_subscribers where email = ?", email)).toBe(0);
  });
});

describe("the résumé upload route", () => {
  it("the apply form posts to it, as multipart, with the file field last (a body stopped at its cap has every typed field)", async () => {
    const form = await scrapeUploadForm(applyPath(), "", hasField("resumeText"));
    expect({ action: form.action, method: form.method.toLowerCase(), enctype: form.enctype }).toEqual({ action: `/api/jobs/${jobId}/applications`, method: "post", enctype: "multipart/form-data" });
    const document = new JSDOM(await (await fetch(portalUrl(applyPath()))).text()).window.document;
    const names = [...document.querySelectorAll<HTMLInputElement>(`form[action="/api/jobs/${jobId}/applications"] [name]`)].map((element) => element.name);
    expect(names.at(-1)).toBe("resume");
  });

  it("refuses a body declared over the résumé's cap at the file field before reading it, and leaves no file", async () => {
    const email = `bodies-huge-${run}@coop.example`;
    const before = uploadFiles();
    const answered = await postUntilAnswered(`/api/jobs/${jobId}/applications`, { fields: applicant(email) as Record<string, string>, fileField: "resume", fileBytes: 30 * MB, answerFirst: true });
    expect(answered.status).toBe(413);
    // The page's script keeps what was typed itself: the answer names the field.
    expect(JSON.parse(answered.body)).toMatchObject({ ok: false, fieldErrors: { resume: [expect.stringMatching(/^This file is larger than 5 MB\./)] } });
    expect(answered.sent).toBeLessThan(answered.declared / 2);
    expect(applicationsOf(email)).toBe(0);
    expect(uploadFiles()).toEqual(before);
  });

  it("stops reading a body of undeclared length at the résumé's cap, refusing it at the file field with what was typed, and leaves no file", async () => {
    const email = `bodies-chunked-${run}@coop.example`;
    const before = uploadFiles();
    // The server answers at the cap and closes with the rest unread, which resets the
    // connection as the rest arrives; on a loaded machine the reset can reach this client
    // before it has read the answer, and take the answer with it (a browser reads it
    // anyway). A try that lost its answer is made again, at most six in all, a second apart:
    // a clean-clone CI run lost it three times in a row on a loaded machine (2026-12-06),
    // and a lingering close on the server was tried and backed out (see git log).
    let answered: Answered | undefined;
    for (let tries = 1; !answered; tries += 1) {
      answered = await postUntilAnswered(`/api/jobs/${jobId}/applications`, { fields: applicant(email) as Record<string, string>, fileField: "resume", fileBytes: 30 * MB, chunked: true }).catch(async (error: Error) => {
        if (tries >= 6 || !error.message.startsWith("No answer")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return undefined;
      });
    }
    expect(answered.status).toBe(413);
    expect(JSON.parse(answered.body)).toMatchObject({
      ok: false,
      fieldErrors: { resume: [expect.stringMatching(/^This file is larger than 5 MB\./)] },
      values: { name: "Rosa Martinez", email, coverLetter: "I love this store." },
    });
    expect(answered.sent).toBeLessThan(answered.declared / 2);
    expect(applicationsOf(email)).toBe(0);
    expect(uploadFiles()).toEqual(before);
  });

  it("without JavaScript, a body over the résumé's cap is answered with the page that shows the error and what was typed, once the browser has sent it", async () => {
    const email = `bodies-huge-nojs-${run}@coop.example`;
    const before = uploadFiles();
    const answered = await postUntilAnswered(`/api/jobs/${jobId}/applications`, { fields: applicant(email) as Record<string, string>, fileField: "resume", fileBytes: 20 * MB, accept: "text/html" });
    expect({ status: answered.status, location: answered.headers.location }).toEqual({ status: 303, location: `/jobs/${slug}/apply/returned` });
    const cookie = answered.headers["set-cookie"]!.split(";")[0]!;
    const document = new JSDOM(await (await fetch(portalUrl(answered.headers.location!), { headers: { Cookie: cookie } })).text()).window.document;
    expect(document.querySelector("[role=alert]")?.textContent).toBe("Please correct the fields marked below.");
    expect(document.querySelector<HTMLInputElement>("input[name=email]")!.value).toBe(email);
    expect(applicationsOf(email)).toBe(0);
    expect(uploadFiles()).toEqual(before);
  });

  it("without JavaScript, a plain multipart post of a valid résumé stores the application and its file, and answers 303 to the thank-you page", async () => {
    const email = `bodies-nojs-${run}@coop.example`;
    const pdf = await smallPdf("Rosa Martinez - ten years in retail");
    const response = await submitForm(`/api/jobs/${jobId}/applications`, { ...applicant(email), resume: new File([new Uint8Array(pdf)], "CV.pdf", { type: "application/pdf" }) });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/jobs/${slug}/apply/thanks`);
    const row = withPortalDb((db) => db.prepare("select resume_upload_id as id from job_applications where email = ?").get(email)) as { id: string };
    expect(fs.readFileSync(path.join(uploadsDir(), row.id)).equals(pdf)).toBe(true);
  });

  it("without JavaScript, a refused post comes back as a page with the error at the file field and what was typed, and stores nothing", async () => {
    const email = `bodies-nojs-refused-${run}@coop.example`;
    const before = uploadFiles();
    const response = await submitForm(`/api/jobs/${jobId}/applications`, { ...applicant(email), resume: new File(["plain text, not a PDF"], "cv.pdf", { type: "application/pdf" }) });
    expect(response.status).toBe(303);
    const location = response.headers.get("location")!;
    expect(location).toBe(`/jobs/${slug}/apply/returned`);
    // Nothing personal in the address: the form comes back through a short-lived cookie.
    expect(location).not.toContain(email);
    const cookie = response.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
    const page = await fetch(portalUrl(location), { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const document = new JSDOM(await page.text()).window.document;
    const input = document.querySelector<HTMLInputElement>("input[name=resume]")!;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = input.getAttribute("aria-describedby")!.split(" ").map((id) => text(document.getElementById(id))).join(" ");
    expect(described).toContain("This file is not a PDF or a Word document.");
    expect(document.querySelector<HTMLInputElement>("input[name=email]")!.value).toBe(email);
    expect(document.querySelector<HTMLTextAreaElement>("textarea[name=coverLetter]")!.value).toBe("I love this store.");
    expect(applicationsOf(email)).toBe(0);
    expect(uploadFiles()).toEqual(before);
  });

  it.each([
    ["another site's Origin", "https://attacker.example"],
    ["Origin: null", "null"],
    ["no Origin", null],
  ] as const)("refuses a post with %s, storing nothing", async (_label, origin) => {
    const email = `bodies-forged-${crypto.randomBytes(3).toString("hex")}@coop.example`;
    const { status, answer } = await postUploadForm(`/api/jobs/${jobId}/applications`, { ...applicant(email), resumeText: "Ten years in retail." }, { origin });
    expect({ status, code: answer.code }).toEqual({ status: 403, code: "forbidden" });
    expect(applicationsOf(email)).toBe(0);
  });
});

describe("the Rutabaga Rap upload route", () => {
  const issueFields = { title: `Bodies ${run}`, issuedOn: "2026-03-01", summary: "" };

  it("the staff form posts to it, as multipart", async () => {
    const form = await scrapeUploadForm("/staff/newsletter/issues", staff, hasField("title"));
    expect({ action: form.action, method: form.method.toLowerCase(), enctype: form.enctype }).toEqual({ action: "/api/staff/newsletter/issues", method: "post", enctype: "multipart/form-data" });
  });

  it.each<[string, () => string | undefined, number]>([
    ["a visitor without a session", () => undefined, 401],
    ["a forged session", () => forgedSessionCookie, 401],
    ["a member", () => member, 403],
  ])("answers %s before reading the body, and stores nothing", async (_label, cookie, status) => {
    const before = { files: uploadFiles(), issues: scalar<number>("select count(*) from newsletter_issues") };
    const answered = await postUntilAnswered("/api/staff/newsletter/issues", { fields: issueFields, fileField: "pdf", fileBytes: 20 * MB, cookie: cookie(), answerFirst: true });
    expect(answered.status).toBe(status);
    expect(answered.sent).toBeLessThan(answered.declared / 2);
    expect({ files: uploadFiles(), issues: scalar<number>("select count(*) from newsletter_issues") }).toEqual(before);
  });

  it("sends a visitor without a session who posts without JavaScript to sign in first", async () => {
    const answered = await postUntilAnswered("/api/staff/newsletter/issues", { fields: issueFields, fileField: "pdf", fileBytes: 20 * MB, accept: "text/html" });
    expect(answered.status).toBe(303);
    expect(answered.headers.location).toBe(`/login?callbackUrl=${encodeURIComponent("/staff/newsletter/issues")}`);
  });

  it("refuses a post from another site even with a staff session", async () => {
    const pdf = await smallPdf("Forged issue");
    const { status } = await postUploadForm("/api/staff/newsletter/issues", { ...issueFields, pdf: new File([new Uint8Array(pdf)], "x.pdf", { type: "application/pdf" }) }, { cookie: staff, origin: "https://attacker.example" });
    expect(status).toBe(403);
    expect(scalar<number>("select count(*) from newsletter_issues where title = ?", issueFields.title)).toBe(0);
  });
});
