/**
 * Requests in flight in this process. Embedded, PGlite has one connection: long background work
 * (an import) runs in short steps and waits before each step until no request is in flight, so a
 * request's queries are never queued behind more than the one step that was already running.
 */
let inFlight = 0;
let waiters: Array<() => void> = [];
let lastPause = 0;
/** Longest stretch of synchronous work between two pauses of `slice`. */
export const SLICE_MS = 8;

export const foreground = {
  enter(): void {
    inFlight++;
  },
  leave(): void {
    inFlight = Math.max(0, inFlight - 1);
    if (inFlight === 0) for (const resolve of waiters.splice(0)) resolve();
  },
  /** Resolves when no request is in flight (at once when none is). */
  idle(): Promise<void> {
    if (inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      waiters.push(resolve);
    });
  },
  /**
   * Called often from long CPU work on this thread (parsing, checking): after `SLICE_MS` of work,
   * lets timers and I/O run, then waits until no request is in flight.
   */
  async slice(): Promise<void> {
    const now = performance.now();
    if (now - lastPause < SLICE_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    await foreground.idle();
    lastPause = performance.now();
  },
  reset(): void {
    inFlight = 0;
    waiters = [];
  },
};
