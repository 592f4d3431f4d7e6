import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nameUuid, readTasksCsvFile } from './task-csv.ts';

describe('task-csv', () => {
  describe('nameUuid', () => {
    it('gives one valid UUID per name, always the same', () => {
      expect(nameUuid('a#2')).toBe(nameUuid('a#2'));
      expect(nameUuid('a#2')).not.toBe(nameUuid('a#3'));
      expect(nameUuid('a#2')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });
  });
  describe('readTasksCsvFile', () => {
    it('gives a hand-typed row the same id on every read, so a migration re-run adds nothing', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'mindflow-csv-')), 'tasks.csv');
      writeFileSync(file, 'title,priority\n"Typed, by hand",high\n"Two\nlines",2\n');
      const first = await readTasksCsvFile(file);
      const second = await readTasksCsvFile(file);
      expect(first.tasks.map((t) => t.id)).toEqual(second.tasks.map((t) => t.id));
      expect(first.tasks.map((t) => t.title)).toEqual(['Typed, by hand', 'Two\nlines']);
      expect(new Set(first.tasks.map((t) => t.id)).size).toBe(2);
    });
    it('names the file and line of a row it skips', async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'mindflow-csv-')), 'tasks.csv');
      writeFileSync(file, 'title,priority\n"multi\nline",1\n,3\n');
      expect((await readTasksCsvFile(file)).problems).toEqual([
        `${file}:4: title: is empty, so the row is not a task yet`,
      ]);
    });
    it('reads a missing file as an empty store', async () => {
      expect(await readTasksCsvFile('/nonexistent/tasks.csv')).toEqual({
        tasks: [],
        problems: [],
        warnings: [],
      });
    });
  });
});
