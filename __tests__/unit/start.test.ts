import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

function runStart(env: Record<string, string>) {
  return spawnSync(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "lib/cli/start.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

// Which settings are refused, and why, is env.test.ts's; here, that the launcher stops on one.
describe("npm start with a bad configuration", () => {
  it("exits non-zero with one line naming PORT when PORT=abc", () => {
    const result = runStart({ PORT: "abc", DATA_DIR: "/nonexistent/never-created" });
    expect(result.status).not.toBe(0);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: PORT: .*port number.*"abc"/);
  });
});
