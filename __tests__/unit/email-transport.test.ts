import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createEmailTransport } from "@/lib/email/transport";

const signInEmail = {
  messageId: "<1@coop.example>",
  to: "someone@coop.example",
  subject: "Your sign-in link",
  text: "Sign in: http://localhost:3000/login/verify?token=abc123",
  html: "<p>Sign in</p>",
  headers: {},
};

async function logOfSending(mode: { demo: boolean; nodeEnv: "production" | "development" }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "coop-outbox-"));
  const log = jest.spyOn(console, "log").mockImplementation(() => {});
  try {
    await createEmailTransport({ smtpUrl: undefined, mailFrom: "co-op <store@coop.example>", dataDir, ...mode }).send(signInEmail);
    return { printed: log.mock.calls.flat().join("\n"), files: fs.readdirSync(path.join(dataDir, "outbox")) };
  } finally {
    log.mockRestore();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

describe("the embedded outbox", () => {
  it("prints links and recipients in demo mode, so sign-in works without a mail server", async () => {
    const { printed, files } = await logOfSending({ demo: true, nodeEnv: "production" });
    expect(printed).toContain("token=abc123");
    expect(printed).toContain("someone@coop.example");
    expect(files).toHaveLength(1);
  });

  it("in production prints neither the link nor the address, only the saved file", async () => {
    const { printed, files } = await logOfSending({ demo: false, nodeEnv: "production" });
    expect(printed).not.toContain("token=");
    expect(printed).not.toContain("someone@coop.example");
    expect(printed).toContain(files[0]);
  });

  it("prints links in development", async () => {
    expect((await logOfSending({ demo: false, nodeEnv: "development" })).printed).toContain("token=abc123");
  });
});
