import fs from "node:fs";
import path from "node:path";
import { uploadsFolder } from "@/lib/uploads/storage";
import { readUploadForm, TEXT_ROOM_BYTES, typedValues } from "@/lib/uploads/read-upload-form";

const boundary = "----unitboundary";
const textPart = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const filePart = (name: string, filename: string, content: Buffer) =>
  Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`), content, Buffer.from("\r\n")]);
const end = `--${boundary}--\r\n`;

/** A request whose body is `parts`, handed out in 16 kB pieces on demand; `pulled()` says how much of it was asked for. */
function requestOf(parts: (string | Buffer)[], contentType = `multipart/form-data; boundary=${boundary}`) {
  const body = Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part) : part)));
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(at, at + 16 * 1024)));
      at += 16 * 1024;
    },
  });
  const request = new Request("http://portal.test/api/upload", { method: "POST", body: stream, headers: { "Content-Type": contentType }, duplex: "half" } as RequestInit);
  return { request, pulled: () => Math.min(at, body.length), total: body.length };
}

const files = () => (fs.existsSync(uploadsFolder()) ? fs.readdirSync(uploadsFolder()) : []);
const read = (parts: (string | Buffer)[], options: { maxFileBytes?: number; roomBytes?: number } = {}) =>
  readUploadForm(requestOf(parts).request, { fileField: "resume", maxFileBytes: options.maxFileBytes ?? 1000, roomBytes: options.roomBytes ?? 1_000_000 });

afterEach(() => {
  for (const name of files()) fs.rmSync(path.join(uploadsFolder(), name));
});

describe("reading an upload form as it arrives", () => {
  it("keeps the text fields and writes the file under a temporary name, nothing else", async () => {
    const form = (await read([textPart("name", "Rosa"), textPart("coverLetter", "Hello.\r\nBye."), filePart("resume", "cv.pdf", Buffer.from("%PDF-1.4 small")), end]))!;
    expect({ ...form.fields }).toEqual({ name: "Rosa", coverLetter: "Hello.\r\nBye." });
    expect(form.file).toMatchObject({ name: "cv.pdf", size: 14 });
    expect(files()).toEqual([`${form.file!.pending!.id}.part`]);
    expect(await (await form.file!.pending!.blob()).text()).toBe("%PDF-1.4 small");
    expect(form.cutOff).toBe(false);
  });

  it("reads a file input left empty as no file", async () => {
    const form = (await read([textPart("name", "Rosa"), filePart("resume", "", Buffer.alloc(0)), end]))!;
    expect(form.file).toBeNull();
    expect(files()).toEqual([]);
  });

  it("refuses a file past its limit as too large, and past the room left under the quota as over it, keeping nothing of it", async () => {
    const big = filePart("resume", "big.pdf", Buffer.alloc(1500, 0x20));
    expect((await read([textPart("name", "Rosa"), big, end]))!.file).toMatchObject({ pending: null, refusal: "too_large", size: 1001 });
    expect((await read([textPart("name", "Rosa"), big, end], { roomBytes: 500 }))!.file).toMatchObject({ pending: null, refusal: "over_quota", size: 501 });
    expect(files()).toEqual([]);
  });

  it("stops reading a body at the file's limit and the text's room, without asking for the rest", async () => {
    const { request, pulled, total } = requestOf([textPart("name", "Rosa"), filePart("resume", "huge.pdf", Buffer.alloc(4 * 1024 * 1024, 0x20)), end]);
    const form = (await readUploadForm(request, { fileField: "resume", maxFileBytes: 1000, roomBytes: 1_000_000 }))!;
    expect(form).toMatchObject({ cutOff: true, file: { pending: null, refusal: "too_large" } });
    expect(form.fields.name).toBe("Rosa");
    expect(pulled()).toBeLessThan(1000 + TEXT_ROOM_BYTES + 64 * 1024);
    expect(pulled()).toBeLessThan(total);
    expect(files()).toEqual([]);
  });

  it("stops reading text past its room, as a form too large", async () => {
    const padding = Array.from({ length: 8 }, (_, index) => textPart(`extra${index}`, "x".repeat(60 * 1024)));
    const form = (await read([textPart("name", "Rosa"), ...padding, filePart("resume", "cv.pdf", Buffer.from("%PDF")), end]))!;
    expect(form.cutOff).toBe(true);
    expect(form.file).toBeNull();
  });

  it("keeps only the form's own fields to show again", async () => {
    const form = (await read([textPart("name", "Rosa"), textPart("__proto__", "x"), textPart("role", "admin"), end]))!;
    expect(typedValues(form, ["name", "email"])).toEqual({ name: "Rosa" });
  });

  it("answers null for a body that is not a multipart form, or one it cannot parse", async () => {
    expect(await readUploadForm(requestOf(["name=Rosa"], "application/x-www-form-urlencoded").request, { fileField: "resume", maxFileBytes: 1000, roomBytes: 1000 })).toBeNull();
    expect(await readUploadForm(requestOf(["--x\r\n"], "multipart/form-data").request, { fileField: "resume", maxFileBytes: 1000, roomBytes: 1000 })).toBeNull();
    expect(await read([textPart("name", "Rosa"), filePart("resume", "cv.pdf", Buffer.from("%PDF cut here"))])).toBeNull();
    expect(files()).toEqual([]);
  });
});
