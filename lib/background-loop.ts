import "server-only";

type LoopState = { running: boolean; again: boolean; run: () => Promise<void> };

// Kept on globalThis: instrumentation.ts starts a loop, and server actions bundled apart
// from it wake the same loop, each through its own copy of this module.
const globalForLoops = globalThis as unknown as { coopBackgroundLoops?: Map<string, LoopState> };
const loops = (globalForLoops.coopBackgroundLoops ??= new Map());

async function tick(name: string, state: LoopState) {
  if (state.running) {
    // Work queued during a run is taken by one more round of that run, not left for the next poll.
    state.again = true;
    return;
  }
  state.running = true;
  try {
    do {
      state.again = false;
      await state.run();
    } while (state.again);
  } catch (error) {
    console.error(`${name}:`, error);
  } finally {
    state.running = false;
  }
}

/**
 * Runs `run` inside the server for as long as it lives: at once, then every `intervalMs`,
 * and whenever `wakeBackgroundLoop(name)` is called. One run at a time in the process; a
 * run that throws is logged under `name` and the loop carries on at the next tick. The
 * timer does not keep a process alive that is otherwise done, so stopping the server
 * needs nothing from it. Only the first start under a name counts; later ones do nothing.
 */
export function startBackgroundLoop(name: string, intervalMs: number, run: () => Promise<void>) {
  if (loops.has(name)) return;
  const state: LoopState = { running: false, again: false, run };
  loops.set(name, state);
  setInterval(() => void tick(name, state), intervalMs).unref();
  void tick(name, state);
}

/** Runs the loop started under `name` now rather than at its next tick; nothing when it was never started. */
export function wakeBackgroundLoop(name: string) {
  const state = loops.get(name);
  if (state) setImmediate(() => void tick(name, state));
}
