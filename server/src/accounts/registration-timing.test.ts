import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// Issue 10 item 15: a new email and a taken one must take the same time to answer, so
// timing does not tell which addresses have accounts. The 409 for a taken one stays.
// Compared as medians of interleaved requests in one run, never against a fixed time.

describe('registration timing', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({
      settings: { rateLimitPerMinute: 100_000, authRateLimitPer15Min: 100_000 },
    });
    await s.register({ email: 'taken@example.com' });
  });
  afterAll(() => s?.close());

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  async function timed(email: string): Promise<{ ms: number; status: number }> {
    const t = performance.now();
    const r = await api(`${s.url}/api/auth/register`, {
      body: { email, password: 'another horse battery' },
    });
    return { ms: performance.now() - t, status: r.status };
  }

  it('answers a new and a taken email in the same time (medians within 35%)', async () => {
    const fresh: number[] = [];
    const taken: number[] = [];
    for (let i = 0; i < 12; i++) {
      const a = await timed(`new-${i}-${Date.now()}@example.com`);
      const b = await timed('taken@example.com');
      expect(a.status).toBe(201);
      expect(b.status).toBe(409);
      fresh.push(a.ms);
      taken.push(b.ms);
    }
    const ratio = median(fresh) / median(taken);
    console.log(
      `registration: new ${median(fresh).toFixed(1)} ms, taken ${median(taken).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(1 / 1.35);
    expect(ratio).toBeLessThan(1.35);
  });
});
