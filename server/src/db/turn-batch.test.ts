import { describe, expect, it } from 'vitest';
import { MAX_BATCH, padded, turnBatched } from './turn-batch.ts';

// The batcher alone: reads asked for in one turn are answered by one load, whatever their
// number, and a failed load fails exactly the reads it was for.

function counting(answer: (key: number) => number | undefined) {
  const loads: number[][] = [];
  const read = turnBatched<number, number>(String, (keys) => {
    loads.push([...keys]);
    const found = new Map<string, number>();
    for (const k of keys) {
      const v = answer(k);
      if (v !== undefined) found.set(String(k), v);
    }
    return Promise.resolve(found);
  });
  return { read, loads };
}

describe('turnBatched', () => {
  it('answers every read of one turn by one load, equal keys once', async () => {
    const { read, loads } = counting((k) => k * 10);
    const answers = await Promise.all([read(1), read(2), read(1), read(3)]);
    expect(answers).toEqual([10, 20, 10, 30]);
    expect(loads).toEqual([[1, 2, 3]]);
  });

  it('answers undefined for a key the load does not know', async () => {
    const { read } = counting((k) => (k === 2 ? undefined : k));
    expect(await Promise.all([read(1), read(2)])).toEqual([1, undefined]);
  });

  it('reads of the next turn go to a load of their own', async () => {
    const { read, loads } = counting((k) => k);
    await read(1);
    await read(2);
    expect(loads).toEqual([[1], [2]]);
  });

  it(`splits a turn of more than ${MAX_BATCH} keys into several loads, answering all`, async () => {
    const { read, loads } = counting((k) => k + 1);
    const keys = Array.from({ length: MAX_BATCH * 2 + 5 }, (_, i) => i);
    expect(await Promise.all(keys.map(read))).toEqual(keys.map((k) => k + 1));
    expect(loads.map((l) => l.length)).toEqual([MAX_BATCH, MAX_BATCH, 5]);
  });

  it('fails the reads of a failed load, and only those', async () => {
    let calls = 0;
    const read = turnBatched<number, number>(String, (keys) => {
      calls++;
      if (calls === 1) return Promise.reject(new Error('the database is busy'));
      return Promise.resolve(new Map(keys.map((k) => [String(k), k])));
    });
    const first = Promise.allSettled([read(1), read(2)]);
    expect((await first).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await read(3)).toBe(3);
  });
});

describe('padded', () => {
  it('pads to a power of two with the last key, so few statement texts are prepared', () => {
    expect(padded([1])).toEqual([1]);
    expect(padded([1, 2, 3])).toEqual([1, 2, 3, 3]);
    expect(padded([1, 2, 3, 4, 5])).toHaveLength(8);
  });
});
