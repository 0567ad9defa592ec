import { afterEach, describe, expect, it } from 'vitest';
import { foreground, SLICE_MS } from './foreground';

afterEach(() => foreground.reset());

describe('foreground.slice', () => {
  it('returns at once within a slice, and pauses for in-flight requests once the slice is used', async () => {
    await foreground.slice(); // starts a slice
    let passed = false;
    const quick = foreground.slice().then(() => {
      passed = true;
    });
    await quick;
    expect(passed).toBe(true);
    const until = performance.now() + SLICE_MS + 2;
    while (performance.now() < until) {
      // busy: the slice is used up
    }
    foreground.enter();
    let resumed = false;
    const paused = foreground.slice().then(() => {
      resumed = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(resumed).toBe(false);
    foreground.leave();
    await paused;
    expect(resumed).toBe(true);
  });
});
