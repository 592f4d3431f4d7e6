import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { textTable } from '../src/cli/text-table.ts';

// What the load benchmarks print and keep: one table of runs, one of targets, and a JSON file
// under bench/results/ that says which machine measured it.

const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));

export interface RunRow {
  name: string;
  rps: number;
  /** Requests served per second of the server's own CPU time: steadier than req/s on a
   * shared machine, where the server gets the CPU only part of the time. */
  per_cpu_s: number | null;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  requests: number;
}

export interface Check {
  target: string;
  value: string;
  ok: boolean;
}

export function printRuns(rows: readonly RunRow[], checks: readonly Check[]): void {
  process.stdout.write(
    `\n${textTable(
      ['run', 'req/s', 'req/cpu-s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'requests'],
      rows.map((r) => [
        r.name,
        String(r.rps),
        String(r.per_cpu_s ?? '—'),
        String(r.p50),
        String(r.p99),
        String(r.errors),
        String(r.non2xx),
        String(r.requests),
      ]),
    )}\n\n${textTable(
      ['target', 'measured', ''],
      checks.map((c) => [c.target, c.value, c.ok ? 'ok' : 'MISSED']),
    )}\n`,
  );
}

/** Writes bench/results/NAME-<instant>.json with the machine added; returns its path. */
export function writeResult(name: string, body: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memory_gb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  writeFileSync(file, `${JSON.stringify({ machine, ...body }, null, 2)}\n`);
  return file;
}
