import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import { serverWithUser } from '../../test-support/test-server.ts';
import { pageBytes, pageJson } from './list-cache.ts';

// A cached page is sent as pageJson made it: it must be JSON.stringify's text, byte for
// byte, whether the tasks are frozen (held in memory) or not.

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

const task = fc.record({
  id: fc.uuid(),
  title: fc.string(),
  description: fc.option(fc.string()),
  priority: fc.integer({ min: 1, max: 5 }),
  tags: fc.array(fc.string()),
});

describe('pageJson', () => {
  it('is JSON.stringify of the page, byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 8 }),
        fc.option(fc.string()),
        fc.boolean(),
        (tasks, next_cursor, frozen) => {
          const page = { tasks: frozen ? tasks.map(deepFreeze) : tasks, next_cursor };
          expect(pageJson(page)).toBe(JSON.stringify(page));
          // Twice: the second time from what the first made.
          expect(pageJson(page)).toBe(JSON.stringify(page));
        },
      ),
    );
  });

  it('leaves any other shape to JSON.stringify', () => {
    for (const other of [
      { next_cursor: null, tasks: [] },
      { tasks: [], next_cursor: null, more: 1 },
      { tasks: [], next_cursor: undefined },
      { tasks: [1, null], next_cursor: null },
      [],
      'text',
    ]) {
      expect(pageJson(other)).toBe(JSON.stringify(other));
    }
  });
});

describe('a cached page', () => {
  it('is the page’s UTF-8 bytes in a buffer of its own', () => {
    const json = JSON.stringify({ tasks: [{ title: 'Café ☕ 𝄞 — naïve' }], next_cursor: null });
    const bytes = pageBytes(json);
    expect(bytes.equals(Buffer.from(json))).toBe(true);
    // Not a slice of the shared pool, which a cached page would keep alive whole.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.length);
  });

  describe('over HTTP', () => {
    const ctx = serverWithUser();

    it('is sent on a hit exactly as on the miss that made it, non-ASCII titles and all', async () => {
      for (const title of ['Café ☕', 'naïve 𝄞 plan', 'Straße — 東京']) {
        await api(`${ctx.server.url}/api/tasks`, { token: ctx.token, body: { title } });
      }
      const get = () =>
        fetch(`${ctx.server.url}/api/tasks?limit=50`, {
          headers: { authorization: `Bearer ${ctx.token}` },
        });
      const miss = await get();
      const hit = await get();
      const [a, b] = [Buffer.from(await miss.arrayBuffer()), Buffer.from(await hit.arrayBuffer())];
      expect(b.equals(a)).toBe(true);
      expect(Number(hit.headers.get('content-length'))).toBe(b.length);
      expect(hit.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const titles = (JSON.parse(b.toString()) as { tasks: { title: string }[] }).tasks.map(
        (t) => t.title,
      );
      expect(titles).toEqual(['Café ☕', 'naïve 𝄞 plan', 'Straße — 東京']);
    });
  });
});
