import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../build.ts';

// Issue 14: the dashboard's initial JavaScript is at most 120 kB gzipped. Measured on the
// real build: the entry with its static imports, and with the Today view `/` opens, which
// index.html preloads beside it.
const BUDGET = 120 * 1024;

describe('the dashboard build', () => {
  it('loads at most 120 kB of gzipped JavaScript before Today shows', async () => {
    const [initial, withToday] = await buildDashboard();
    expect(initial!.gzipBytes).toBeLessThanOrEqual(BUDGET);
    expect(withToday!.gzipBytes).toBeLessThanOrEqual(BUDGET);
    // The other views are chunks of their own, not part of the first load.
    expect(withToday!.gzipBytes).toBeGreaterThanOrEqual(initial!.gzipBytes);
  }, 60_000);
});
