import { createHash } from 'node:crypto';
import { Task, TASK_FIELDS } from '@mindflow/shared';
import type { TaskEndpoint } from './task-endpoints.ts';

// Copy a user's tasks, then prove the copy: the same ids, and per field the same checksum.
// Upserts by id make a re-run harmless, and tasks the target already holds unchanged are
// skipped, so an interrupted migration resumes where it stopped.

export interface FieldCheck {
  field: string;
  source: string;
  target: string;
  ok: boolean;
}

export interface MigrationReport {
  source_count: number;
  target_count: number;
  missing_in_target: number;
  /** Source rows not copied (not a task). They make the verdict fail. */
  invalid_in_source: string[];
  /** Source rows copied with a fallback value; said apart, they do not change the verdict. */
  read_with_fallback: string[];
  unchanged: number;
  written: number;
  dry_run: boolean;
  fields: FieldCheck[];
  ok: boolean;
}

export interface MigrationOptions {
  source: TaskEndpoint;
  target: TaskEndpoint;
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

function same(a: Task, b: Task): boolean {
  return TASK_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]));
}

/** sha256 over "id \t value" lines in id order, one per field. */
export function fieldChecksums(tasks: readonly Task[]): Record<string, string> {
  const sorted = [...tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const out: Record<string, string> = {};
  for (const field of TASK_FIELDS) {
    const hash = createHash('sha256');
    for (const t of sorted) hash.update(`${t.id}\t${JSON.stringify(t[field])}\n`);
    out[field] = hash.digest('hex').slice(0, 16);
  }
  return out;
}

export async function runMigration(options: MigrationOptions): Promise<MigrationReport> {
  const { source, target } = options;
  const batchSize = options.batchSize ?? 500;
  const read = await source.readAll();
  // Parse at the boundary: whatever the source holds must be a valid task to be copied.
  const invalid: string[] = [...source.problems()];
  const tasks: Task[] = [];
  for (const t of read) {
    if (Task.safeParse(t).success) tasks.push(t);
    else invalid.push(`task ${t.id}: not a valid task; not copied`);
  }
  const existing = new Map((await target.readAll()).map((t) => [t.id, t]));
  const pending = tasks.filter((t) => !existing.has(t.id) || !same(existing.get(t.id)!, t));
  const unchanged = tasks.length - pending.length;
  options.onProgress?.(unchanged, tasks.length);
  let written = 0;
  if (!options.dryRun) {
    for (let i = 0; i < pending.length; i += batchSize) {
      const batch = pending.slice(i, i + batchSize);
      await target.upsert(batch);
      written += batch.length;
      options.onProgress?.(unchanged + written, tasks.length);
    }
  }
  const after = options.dryRun ? [...existing.values()] : await target.readAll();
  const ids = new Set(tasks.map((t) => t.id));
  const copied = after.filter((t) => ids.has(t.id));
  const want = fieldChecksums(tasks);
  const got = fieldChecksums(copied);
  const fields = TASK_FIELDS.map((field) => ({
    field,
    source: want[field]!,
    target: got[field]!,
    ok: want[field] === got[field],
  }));
  const missing = tasks.length - copied.length;
  return {
    source_count: tasks.length,
    target_count: after.length,
    missing_in_target: missing,
    invalid_in_source: invalid,
    read_with_fallback: [...(source.warnings?.() ?? [])],
    unchanged,
    written,
    dry_run: options.dryRun ?? false,
    fields,
    ok: options.dryRun
      ? invalid.length === 0
      : missing === 0 && invalid.length === 0 && fields.every((f) => f.ok),
  };
}
