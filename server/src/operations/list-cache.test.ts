import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import { serverWithUser } from '../../test-support/test-server.ts';
import { ListCache, pageBytes, pageJson } from './list-cache.ts';

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

describe('a page made again at a new revision', () => {
  const frozenTask = (title: string) => deepFreeze({ id: title, title, tags: ['a'] });
  const key = ListCache.key({ limit: 2 });

  it('is the old page’s buffer when it lists the same frozen tasks with the same cursor', () => {
    const cache = new ListCache();
    const [a, b] = [frozenTask('a'), frozenTask('b')];
    const first = cache.put('u', 1, key, { tasks: [a, b], next_cursor: 'c' });
    // A write elsewhere in the list (a task created after these two) moved the revision.
    const again = cache.put('u', 2, key, { tasks: [a, b], next_cursor: 'c' });
    expect(again).toBe(first);
    expect(again.toString()).toBe(JSON.stringify({ tasks: [a, b], next_cursor: 'c' }));
    expect(cache.get('u', 2, key)).toBe(first);
    expect(cache.get('u', 1, key)).toBeUndefined();
    expect(cache.kept).toBe(1);
  });

  it('is made anew when a task, its order or the cursor changed', () => {
    const cache = new ListCache();
    const [a, b] = [frozenTask('a'), frozenTask('b')];
    let revision = 1;
    let held = cache.put('u', revision, key, { tasks: [a, b], next_cursor: 'c' });
    for (const page of [
      { tasks: [a, frozenTask('b')], next_cursor: 'c' }, // the same JSON, another object
      { tasks: [a, frozenTask('b2')], next_cursor: 'c' },
      { tasks: [b, a], next_cursor: 'c' },
      { tasks: [b, a], next_cursor: null },
      { tasks: [b], next_cursor: null },
    ]) {
      revision++;
      const made = cache.put('u', revision, key, page);
      expect(made).not.toBe(held);
      expect(made.toString()).toBe(JSON.stringify(page));
      expect(cache.get('u', revision, key)).toBe(made);
      held = made;
    }
    expect(cache.kept).toBe(0);
  });

  it('is never kept for tasks that are not frozen, whose JSON may have changed', () => {
    const cache = new ListCache();
    const a = { id: 'a', title: 'before', tags: [] as string[] };
    cache.put('u', 1, key, { tasks: [a], next_cursor: null });
    a.title = 'after';
    const made = cache.put('u', 2, key, { tasks: [a], next_cursor: null });
    expect(JSON.parse(made.toString())).toEqual({
      tasks: [{ id: 'a', title: 'after', tags: [] }],
      next_cursor: null,
    });
    expect(cache.kept).toBe(0);
  });

  it('is not replaced by a late answer made at an older revision', () => {
    const cache = new ListCache();
    const [a, b] = [frozenTask('a'), frozenTask('b')];
    const newer = cache.put('u', 5, key, { tasks: [a], next_cursor: null });
    const late = cache.put('u', 4, key, { tasks: [b], next_cursor: null });
    expect(late.toString()).toBe(JSON.stringify({ tasks: [b], next_cursor: null }));
    expect(cache.get('u', 5, key)).toBe(newer);
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

  describe('over HTTP, across writes', () => {
    const lists = new ListCache();
    const ctx = serverWithUser({ listCache: lists });

    it('keeps a page’s bytes through a write it does not show, and not through one it does', async () => {
      const url = ctx.server.url;
      const token = ctx.token;
      const ids: string[] = [];
      for (const title of ['First', 'Second', 'Third']) {
        ids.push((await api(`${url}/api/tasks`, { token, body: { title } })).body.id as string);
      }
      await api(`${url}/api/tasks/best`, { token }); // the ranking holds the open tasks
      const page = async () => {
        const res = await fetch(`${url}/api/tasks?limit=1`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return Buffer.from(await res.arrayBuffer());
      };
      const first = await page();
      // A task created is listed after the first page: the page stays, byte for byte.
      await api(`${url}/api/tasks`, { token, body: { title: 'Fourth' } });
      const afterCreate = await page();
      expect(afterCreate.equals(first)).toBe(true);
      expect(lists.kept).toBe(1);
      // Completing the task the page shows changes it.
      await api(`${url}/api/tasks/${ids[0]!}/complete`, { token, body: {} });
      const afterComplete = JSON.parse((await page()).toString()) as {
        tasks: { title: string }[];
      };
      expect(afterComplete.tasks.map((t) => t.title)).toEqual(['Second']);
      expect(lists.kept).toBe(1);
    });
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
