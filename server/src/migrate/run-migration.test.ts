import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TASK_FIELDS, writeTaskRow, type ColumnMap, type Task } from '@mindflow/shared';
import { AWKWARD_TITLES, makeTask, testId } from '@mindflow/shared/testing';
import { SqliteClient } from '../db/sql-client.sqlite.ts';
import { openSheetsApi } from '../stores/sheets-api.ts';
import { SheetsTaskStore } from '../stores/task-store.sheets.ts';
import { FakeSheetsServer } from '../../test-support/fake-sheets-server.ts';
import { openPglite, tempDir } from '../../test-support/databases.ts';
import { readTasksCsvFile } from '../csv/task-csv.ts';
import { runMigration } from './run-migration.ts';
import { csvEndpoint, sheetsEndpoint, sqlEndpoint, type TaskEndpoint } from './task-endpoints.ts';

const COLUMNS = Object.fromEntries(TASK_FIELDS.map((f, i) => [f, i])) as ColumnMap;
const EMAIL = 'ada@example.com';

/** 5,000 tasks with everything that breaks naive copies. */
function awkwardTasks(n: number): Task[] {
  const dues = [
    null,
    '2026-11-27',
    '2026-11-27T15:00:00-05:00',
    '2027-03-29T02:30:00+05:30',
    '2026-12-31T23:59:59Z',
  ];
  return Array.from({ length: n }, (_, i) =>
    makeTask({
      id: testId(100_000 + i),
      title: i % 3 === 0 ? AWKWARD_TITLES[i % AWKWARD_TITLES.length]! : `Task ${i} — ünïcödé 🎉👩‍💻`,
      description: i % 4 === 0 ? null : `line one\nline two, "quoted"\r\n\t=SUM(A${i})`,
      status: (['pending', 'in_progress', 'completed', 'snoozed'] as const)[i % 4],
      priority: (i % 5) + 1,
      due: dues[i % dues.length]!,
      effort_minutes: i % 7 === 0 ? null : (i % 120) + 1,
      preferred_time: ([null, 'morning', 'afternoon', 'evening'] as const)[i % 4],
      tags: i % 2 === 0 ? ['work', `t${i % 9}`] : [],
      snoozed_until: i % 4 === 3 ? '2026-12-01T08:00:00+05:30' : null,
      repeat: i % 10 === 0 ? 'FREQ=WEEKLY;BYDAY=MO' : null,
      completed_at: i % 4 === 2 ? '2026-11-01T10:00:00.000Z' : null,
      created_at: new Date(Date.UTC(2026, 0, 1) + (i % 1000) * 1000).toISOString(),
    }),
  );
}

const byId = (tasks: Task[]) => [...tasks].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('migrate', () => {
  const fake = new FakeSheetsServer();
  let sheetsUrl: string;
  beforeAll(async () => {
    sheetsUrl = await fake.start();
  });
  afterAll(() => fake.stop());

  describe('runMigration', () => {
    it('round-trips 5,000 tasks fake-Sheets → SQLite → PostgreSQL (PGlite) → CSV unchanged', async () => {
      const tasks = awkwardTasks(5000);
      fake.addSpreadsheet('roundtrip-abcdefghij', {
        Tasks: [
          [...TASK_FIELDS],
          ...tasks.map((t) => writeTaskRow(t, COLUMNS, TASK_FIELDS.length) as (string | number)[]),
        ],
      });
      const api = await openSheetsApi({ apiUrl: sheetsUrl, credentialsFile: null });
      const dir = tempDir();
      const sheets = sheetsEndpoint(
        new SheetsTaskStore(api, 'roundtrip-abcdefghij', 'Tasks'),
        'sheets',
      );
      const sqlite = await sqlEndpoint(
        new SqliteClient({ path: join(dir, 'a.db') }),
        'sqlite',
        EMAIL,
        'target',
      );
      const pg = await sqlEndpoint(await openPglite(), 'pglite', EMAIL, 'target');
      const csv = csvEndpoint(join(dir, 'tasks.csv'));
      for (const [from, to] of [
        [sheets, sqlite],
        [sqlite, pg],
        [pg, csv],
      ] as [TaskEndpoint, TaskEndpoint][]) {
        const report = await runMigration({ source: from, target: to });
        expect(report).toMatchObject({
          ok: true,
          source_count: 5000,
          target_count: 5000,
          written: 5000,
          missing_in_target: 0,
        });
        expect(report.invalid_in_source).toEqual([]);
      }
      expect(byId((await readTasksCsvFile(join(dir, 'tasks.csv'))).tasks)).toEqual(byId(tasks));
      // Idempotent: a second run finds everything in place and writes nothing.
      const again = await runMigration({ source: sqlite, target: pg });
      expect(again).toMatchObject({ ok: true, written: 0, unchanged: 5000 });
      await sqlite.close();
      await pg.close();
    }, 120_000);

    it('resumes after an interruption, writing only what is missing', async () => {
      const tasks = awkwardTasks(1200);
      const dir = tempDir();
      const source = csvEndpoint(join(dir, 'in.csv'));
      await source.upsert(tasks);
      const target = await sqlEndpoint(
        new SqliteClient({ path: join(dir, 't.db') }),
        'sqlite',
        EMAIL,
        'target',
      );
      let calls = 0;
      const flaky: TaskEndpoint = {
        ...target,
        upsert: async (batch) => {
          if (++calls === 2) throw new Error('network dropped');
          await target.upsert(batch);
        },
      };
      await expect(runMigration({ source, target: flaky, batchSize: 500 })).rejects.toThrow(
        'network dropped',
      );
      const resumed = await runMigration({ source, target, batchSize: 500 });
      expect(resumed).toMatchObject({ ok: true, unchanged: 500, written: 700, target_count: 1200 });
      await target.close();
    });

    it('fails verification when the target alters a field, naming it', async () => {
      const tasks = awkwardTasks(50);
      const dir = tempDir();
      const source = csvEndpoint(join(dir, 'in.csv'));
      await source.upsert(tasks);
      const real = csvEndpoint(join(dir, 'out.csv'));
      const lossy: TaskEndpoint = {
        ...real,
        upsert: (b) => real.upsert(b.map((t) => ({ ...t, title: t.title.trim() }))),
      };
      const report = await runMigration({ source, target: lossy });
      expect(report.ok).toBe(false);
      expect(report.fields.filter((f) => !f.ok).map((f) => f.field)).toEqual(['title']);
    });
  });

  describe('mindflow migrate (CLI)', () => {
    const bin = fileURLToPath(new URL('../../bin/mindflow.js', import.meta.url));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bin, 'migrate', ...args], { encoding: 'utf8', timeout: 60_000 });

    it('copies CSV → SQLite, verifies, and a dry run afterwards has nothing to write', async () => {
      const dir = tempDir();
      await csvEndpoint(join(dir, 'in.csv')).upsert(awkwardTasks(300));
      const args = [
        '--from',
        `csv:${join(dir, 'in.csv')}`,
        '--to',
        `sqlite:${join(dir, 'out.db')}`,
        '--user',
        EMAIL,
      ];
      const first = run(...args);
      expect(first.status).toBe(0);
      expect(first.stderr).toMatch(/created account ada@example.com .* token \(shown once\): mf_/);
      expect(first.stdout).toContain('verified: every task arrived unchanged');
      const dry = run(...args, '--dry-run', '--json');
      expect(dry.status).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dry_run: true, unchanged: 300, written: 0 });
    });

    it('says rows read with a fallback apart from the verdict, and verifies them (exit 0)', async () => {
      const dir = tempDir();
      const file = join(dir, 'typed.csv');
      writeFileSync(
        file,
        'title,priority,due\nPay rent,whenever,2026-12-01\nCall mum,2,someday\nWater plants,3,\n',
      );
      const r = run(
        '--from',
        `csv:${file}`,
        '--to',
        `sqlite:${join(dir, 'out.db')}`,
        '--user',
        EMAIL,
      );
      expect(r.stdout).not.toContain('skipped');
      expect(r.stdout).toContain(
        `read with a fallback: ${file}:2: priority: "whenever" is not a priority (1–5, p1–p5, high, low); read as 3`,
      );
      expect(r.stdout).toContain(
        `read with a fallback: ${file}:3: due: "someday" is not a date; ignored`,
      );
      expect(r.stdout).toContain('verified: every task arrived unchanged');
      expect(r.stdout).toContain('warnings: 2 rows read with a fallback value');
      expect(r.stdout).not.toContain('FAILED');
      expect(r.status).toBe(0);
      const json = JSON.parse(
        run(
          '--from',
          `csv:${file}`,
          '--to',
          `sqlite:${join(dir, 'out.db')}`,
          '--user',
          EMAIL,
          '--json',
        ).stdout,
      );
      expect(json).toMatchObject({ ok: true, invalid_in_source: [] });
      expect(json.read_with_fallback).toHaveLength(2);
    });

    it('fails the verdict for a row it could not copy, and says which', async () => {
      const dir = tempDir();
      const file = join(dir, 'broken.csv');
      writeFileSync(file, 'title,priority\nFine,2\n,3\n');
      const r = run(
        '--from',
        `csv:${file}`,
        '--to',
        `sqlite:${join(dir, 'out.db')}`,
        '--user',
        EMAIL,
      );
      expect(r.stdout).toContain(`skipped: ${file}:3: title: is empty`);
      expect(r.stdout).toContain('verification FAILED: 1 source row was not copied');
      expect(r.status).toBe(1);
    });

    it('rejects a bad endpoint with exit code 2', () => {
      const r = run('--from', 'ftp://x', '--to', 'csv:x.csv', '--user', EMAIL);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--from');
    });
  });
});
