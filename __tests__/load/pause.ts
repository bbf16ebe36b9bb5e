/**
 * Waits `ms`, fractions of a millisecond too: a timer for all but the last 2 ms, then a
 * spin to the mark, since timers keep to a millisecond at best. For lining up two writers
 * closer than a timer can.
 */
export async function pause(ms: number) {
  const until = performance.now() + ms;
  if (ms > 2) await new Promise((resolve) => setTimeout(resolve, ms - 2));
  while (performance.now() < until) {
    // Spinning: the wait is a few milliseconds at most.
  }
}
