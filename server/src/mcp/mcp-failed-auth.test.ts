import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../test-support/test-server.ts';

// Guessing tokens at /mcp is limited as at /api (issue 10): refusals count per IP, and past
// the limit they get 429; a valid token from that same IP is still served every time.

const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

describe('bad bearer tokens at /mcp', () => {
  it('30 bad tokens from an IP are refused with 401, then 429; a valid token still works', async () => {
    const s = await startTestServer({ settings: { authRateLimitPer15Min: 30 } });
    const mcp = (token?: string) =>
      fetch(`${s.url}/mcp`, {
        method: 'POST',
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2025-11-25',
        },
        body: TOOLS_LIST,
      });
    try {
      const { token } = await s.register();
      const codes: number[] = [];
      for (let i = 0; i < 31; i++) codes.push((await mcp(`mf_guess${i}`)).status);
      expect(codes).toEqual([...Array<number>(30).fill(401), 429]);
      const blocked = await mcp('mf_guess-again');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(
        /Too many requests with a bad token/,
      );
      // The same IP, a real token: served every time, before and after more guesses.
      for (let i = 0; i < 5; i++) {
        const ok = await mcp(token);
        expect(ok.status).toBe(200);
        const body = (await ok.json()) as { result: { tools: unknown[] } };
        expect(body.result.tools.length).toBeGreaterThan(10);
        expect((await mcp(`mf_more${i}`)).status).toBe(429);
      }
      // No token at all is a refusal too, and /api shares the count.
      expect((await mcp()).status).toBe(429);
      const api = await fetch(`${s.url}/api/tasks`, { headers: { authorization: 'Bearer mf_x' } });
      expect(api.status).toBe(429);
    } finally {
      await s.close();
    }
  });

  it('a refused token below the limit gets the 401 that starts OAuth discovery', async () => {
    const s = await startTestServer({ settings: { authRateLimitPer15Min: 30 } });
    try {
      const res = await fetch(`${s.url}/mcp`, {
        method: 'POST',
        headers: {
          authorization: 'Bearer nope',
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: TOOLS_LIST,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(
        /resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource\/mcp"/,
      );
    } finally {
      await s.close();
    }
  });
});
