import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteClient } from '../src/db/sql-client.sqlite.ts';
import { textTable } from '../src/cli/text-table.ts';
import { benchTasks, register, seed } from './bench-seed.ts';
import { startServer } from './bench-server.ts';

// npm run bench (after run-bench.ts): one user with 100,000 open tasks on the real server,
// run as `npm start` runs it (a 128 MB heap). Best, ranked and plan must answer 200 with
// the server still alive; it prints each call's time and the server's peak RSS, and writes
// JSON to bench/results/. Every write is a miss for the best-task cache, so each round
// ranks afresh.

const { values: args } = parseArgs({
  options: {
    tasks: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    strict: { type: 'boolean', default: false },
  },
});
const taskCount = Number(args.tasks);
const rounds = Number(args.rounds);
const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));

function status(pid: number, field: string): number {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0) / 1024);
}

const dataDir = mkdtempSync(join(tmpdir(), 'mindflow-memory-bench-'));
const server = await startServer({
  DATA_DIR: dataDir,
  RATE_LIMIT_PER_MINUTE: '100000',
  MAX_OPEN_TASKS_PER_USER: String(taskCount * 2),
});
const rows: { call: string; round: number; ms: number; status: number; bytes: number }[] = [];

try {
  const pid = server.child.pid!;
  const user = await register(server.url, 'many@bench.invalid');
  process.stderr.write(`seeding ${taskCount} open tasks …\n`);
  const db = new SqliteClient({ path: join(dataDir, 'mindflow.db') });
  await seed(db, user, benchTasks(taskCount, Date.now()));
  await db.close();
  user.taskIds = [];
  const headers = { authorization: `Bearer ${user.token}` };
  const baseline = status(pid, 'VmRSS');
  for (let round = 1; round <= rounds; round++) {
    // A write moves the user's revision: every read below computes afresh.
    await fetch(`${server.url}/api/tasks`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `round ${round}` }),
    }).then((r) => r.text());
    for (const [call, path] of [
      ['GET /api/tasks/best', '/api/tasks/best'],
      ['GET /api/tasks/ranked?limit=100', '/api/tasks/ranked?limit=100'],
      ['GET /api/plan', '/api/plan'],
    ] as const) {
      const started = performance.now();
      const res = await fetch(`${server.url}${path}`, { headers });
      const body = await res.text();
      rows.push({
        call,
        round,
        ms: Math.round(performance.now() - started),
        status: res.status,
        bytes: body.length,
      });
    }
  }
  const alive = server.child.exitCode === null && (await fetch(`${server.url}/health`)).ok;
  const peak = status(pid, 'VmHWM');
  const rss = status(pid, 'VmRSS');
  const ok = alive && rows.every((r) => r.status === 200);
  process.stdout.write(
    `\n${taskCount.toLocaleString('en-US')} open tasks, server heap --max-old-space-size=128\n${textTable(
      ['call', 'round', 'ms', 'status', 'bytes'],
      rows.map((r) => [r.call, String(r.round), String(r.ms), String(r.status), String(r.bytes)]),
    )}\n\nRSS before ${baseline} MB, after ${rss} MB, peak ${peak} MB; server alive: ${alive ? 'yes' : 'NO'}\n`,
  );
  mkdirSync(resultsDir, { recursive: true });
  const file = join(
    resultsDir,
    `server-memory-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ tasks: taskCount, heap_limit_mb: 128, rows, rss_before_mb: baseline, rss_after_mb: rss, rss_peak_mb: peak, alive, ok }, null, 2)}\n`,
  );
  process.stdout.write(`written ${file}\n`);
  if (args.strict && !ok) process.exitCode = 1;
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
