import { startBackgroundLoop, wakeBackgroundLoop } from "@/lib/background-loop";

// Long enough that no interval tick lands inside a test: only the start and wakes run it.
const NEVER_MS = 1_000_000;

/** A promise and the function that settles it, for holding a run open until the test says. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe("a background loop", () => {
  it("runs at start, and a wake during a run makes it go round once more, not twice at once", async () => {
    const first = gate();
    let started = 0;
    let finished = 0;
    let running = 0;
    let mostAtOnce = 0;
    startBackgroundLoop("wake during a run", NEVER_MS, async () => {
      started++;
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      if (started === 1) await first.opened;
      running--;
      finished++;
    });
    expect(started).toBe(1);
    wakeBackgroundLoop("wake during a run");
    wakeBackgroundLoop("wake during a run");
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(1);
    first.open();
    await until(() => finished === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect({ started, mostAtOnce }).toEqual({ started: 2, mostAtOnce: 1 });
  });

  it("keeps the first start under a name and ignores later ones", async () => {
    const runs: string[] = [];
    startBackgroundLoop("started twice", NEVER_MS, async () => void runs.push("first"));
    startBackgroundLoop("started twice", NEVER_MS, async () => void runs.push("second"));
    wakeBackgroundLoop("started twice");
    await until(() => runs.length === 2);
    expect(runs).toEqual(["first", "first"]);
  });

  it("logs a run that throws under its name and runs again when woken", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => {});
    try {
      let runs = 0;
      startBackgroundLoop("[test] failing loop", NEVER_MS, async () => {
        runs++;
        if (runs === 1) throw new Error("SMTP refused");
      });
      await until(() => error.mock.calls.length === 1);
      expect(error).toHaveBeenCalledWith("[test] failing loop:", expect.objectContaining({ message: "SMTP refused" }));
      wakeBackgroundLoop("[test] failing loop");
      await until(() => runs === 2);
      expect(error).toHaveBeenCalledTimes(1);
    } finally {
      error.mockRestore();
    }
  });
});
