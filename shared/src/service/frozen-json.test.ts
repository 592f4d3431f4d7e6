import { describe, expect, it } from 'vitest';
import { jsonOf } from './frozen-json.ts';

describe('jsonOf', () => {
  it('is JSON.stringify, for anything', () => {
    for (const v of [null, 1, 'a"b', [1, { a: 2 }], { a: undefined, b: [null] }, true]) {
      expect(jsonOf(v)).toBe(JSON.stringify(v));
    }
  });

  it('sees a change to an object that is not frozen', () => {
    const task = { title: 'before', tags: ['a'] };
    expect(jsonOf(task)).toContain('before');
    task.title = 'after';
    expect(jsonOf(task)).toContain('after');
  });

  it('sees a change below a frozen object when what changed is not frozen', () => {
    const tags = ['a'];
    const task = Object.freeze({ title: 'x', tags });
    expect(jsonOf(task)).toBe('{"title":"x","tags":["a"]}');
    tags.push('b');
    expect(jsonOf(task)).toBe('{"title":"x","tags":["a","b"]}');
  });

  it('remembers a deeply frozen object: the same string, made once', () => {
    const task = Object.freeze({ title: 'x', tags: Object.freeze(['a']) });
    expect(jsonOf(task)).toBe(jsonOf(task));
    expect(jsonOf(task)).toBe(JSON.stringify(task));
  });

  it('does not remember a frozen Date, which still changes', () => {
    const when = Object.freeze(new Date(0));
    const first = jsonOf(when);
    when.setTime(86_400_000);
    expect(jsonOf(when)).not.toBe(first);
  });
});
