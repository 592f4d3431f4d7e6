import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Task } from '@mindflow/shared';
import { textTable } from '../src/cli/text-table.ts';
import { writeTasksCsvFile } from '../src/csv/task-csv.ts';
import { benchTasks } from './bench-seed.ts';

// npm run bench:cli — the CLI as a person runs it, against Taskwarrior on the same 10,000
// tasks: `mindflow rank --csv 10k.csv --limit 10` vs `task next limit:10`, and
// `mindflow --help` vs `node -e 0`. Whole processes, taken in turn (A B A B …) after warm-up
// runs, so a machine whose speed drifts slows both alike; medians and pairwise ratios.

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    tasks: { type: 'string', default: '10000' },
    // Exit 1 when a target is missed (off by default: the machine may be shared).
    strict: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const bin = fileURLToPath(new URL('../bin/mindflow.js', import.meta.url));
const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
const gnuTime = ['/usr/bin/time'].find((p) => existsSync(p));

interface Sample {
  wall_ms: number;
  /** User + system CPU of the process, when GNU time is there to say. */
  cpu_ms: number | null;
}

function timed(command: string[], env: NodeJS.ProcessEnv = process.env): Sample {
  const argv = gnuTime ? [gnuTime, '-f', '%U %S', ...command] : command;
  const start = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const wall_ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${command.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = gnuTime ? r.stderr.trim().split('\n').pop()!.split(' ').map(Number) : null;
  return { wall_ms, cpu_ms: cpu ? (cpu[0]! + cpu[1]!) * 1000 : null };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Pair {
  name: string;
  a: string;
  b: string;
  a_wall_ms: number;
  b_wall_ms: number;
  a_cpu_ms: number | null;
  b_cpu_ms: number | null;
  /** Median of the run-by-run ratios a/b. */
  ratio_wall: number;
  ratio_cpu: number | null;
}

/** A and B in turn, `runs` times each after two warm-up runs each. */
function pair(
  name: string,
  a: [string[], NodeJS.ProcessEnv?],
  b: [string[], NodeJS.ProcessEnv?],
): Pair {
  process.stderr.write(`${name}: ${runs} runs each …\n`);
  for (let i = 0; i < 2; i++) {
    timed(...a);
    timed(...b);
  }
  const as: Sample[] = [];
  const bs: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    as.push(timed(...a));
    bs.push(timed(...b));
  }
  const cpu = (xs: Sample[]) => (xs[0]!.cpu_ms === null ? null : median(xs.map((x) => x.cpu_ms!)));
  return {
    name,
    a: a[0].join(' '),
    b: b[0].join(' '),
    a_wall_ms: median(as.map((x) => x.wall_ms)),
    b_wall_ms: median(bs.map((x) => x.wall_ms)),
    a_cpu_ms: cpu(as),
    b_cpu_ms: cpu(bs),
    ratio_wall: median(as.map((x, i) => x.wall_ms / bs[i]!.wall_ms)),
    ratio_cpu: gnuTime ? median(as.map((x, i) => x.cpu_ms! / bs[i]!.cpu_ms!)) : null,
  };
}

/** Taskwarrior's basic ISO form: 20261125T140000Z. */
const twDate = (iso: string) => `${new Date(iso).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** The same tasks in a fresh Taskwarrior data directory; its rc file, or null without `task`. */
function taskwarrior(dir: string, tasks: readonly Task[]): string | null {
  if (spawnSync('task', ['--version'], { encoding: 'utf8' }).status !== 0) return null;
  const rc = join(dir, 'taskrc');
  // gc=off: a report must not rewrite the data files between runs.
  writeFileSync(
    rc,
    `data.location=${join(dir, 'data')}\nconfirmation=off\ngc=off\nverbose=nothing\n`,
  );
  mkdirSync(join(dir, 'data'));
  const priority = (p: number) => (p >= 4 ? 'H' : p === 3 ? 'M' : p === 2 ? 'L' : undefined);
  const lines = tasks.map((t) =>
    JSON.stringify({
      uuid: t.id,
      description: t.title,
      status: 'pending',
      entry: twDate(t.created_at),
      priority: priority(t.priority),
      due: t.due === null ? undefined : twDate(t.due.length === 10 ? `${t.due}T23:59:59Z` : t.due),
      tags: t.tags,
    }),
  );
  writeFileSync(join(dir, 'tasks.json'), `${lines.join('\n')}\n`);
  const r = spawnSync('task', ['import', join(dir, 'tasks.json')], {
    env: { ...process.env, TASKRC: rc },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`task import failed: ${r.stderr}`);
  return rc;
}

const dir = mkdtempSync(join(tmpdir(), 'mindflow-cli-bench-'));
const tasks = benchTasks(Number(args.tasks), Date.now());
const csv = join(dir, `${tasks.length}.csv`);
await writeTasksCsvFile(csv, tasks);
const rc = taskwarrior(dir, tasks);
const node = process.execPath;
const load = { before: loadavg().map((l) => Math.round(l * 100) / 100) };

const pairs: Pair[] = [];
if (rc) {
  pairs.push(
    pair(
      `rank ${tasks.length} tasks`,
      [[node, bin, 'rank', '--csv', csv, '--limit', '10']],
      [['task', 'next', 'limit:10'], { ...process.env, TASKRC: rc }],
    ),
  );
} else {
  process.stderr.write('Taskwarrior (task) is not installed: the rank comparison is skipped\n');
}
pairs.push(pair('--help', [[node, bin, '--help']], [[node, '-e', '0']]));
const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);

const rank = pairs.find((p) => p.name.startsWith('rank'));
const help = pairs.find((p) => p.name === '--help')!;
const checks = [
  ...(rank
    ? [
        {
          target: 'mindflow rank --limit 10 ≤ task next limit:10 (wall, median ratio ≤ 1.0)',
          value: rank.ratio_wall.toFixed(2),
          ok: rank.ratio_wall <= 1,
        },
      ]
    : []),
  {
    target: 'mindflow --help ≤ node -e 0 + 60 ms (median wall)',
    value: `+${(help.a_wall_ms - help.b_wall_ms).toFixed(0)} ms`,
    ok: help.a_wall_ms - help.b_wall_ms <= 60,
  },
  // On a busy machine wall time stretches with the queue for the CPU; CPU time does not.
  ...(help.a_cpu_ms === null
    ? []
    : [
        {
          target: 'mindflow --help ≤ node -e 0 + 60 ms (median cpu)',
          value: `+${(help.a_cpu_ms - help.b_cpu_ms!).toFixed(0)} ms`,
          ok: help.a_cpu_ms - help.b_cpu_ms! <= 60,
        },
      ]),
];

const ms = (x: number | null) => (x === null ? '—' : x.toFixed(0));
process.stdout.write(
  `\n${textTable(
    ['', 'A median ms (cpu)', 'B median ms (cpu)', 'A/B wall', 'A/B cpu'],
    pairs.map((p) => [
      p.name,
      `${ms(p.a_wall_ms)} (${ms(p.a_cpu_ms)})`,
      `${ms(p.b_wall_ms)} (${ms(p.b_cpu_ms)})`,
      p.ratio_wall.toFixed(2),
      p.ratio_cpu === null ? '—' : p.ratio_cpu.toFixed(2),
    ]),
  )}\n\n${textTable(
    ['target', 'measured', ''],
    checks.map((c) => [c.target, c.value, c.ok ? 'ok' : 'MISSED']),
  )}\n\nload average ${load.before.join(' ')} before, ${loadAfter.join(' ')} after (${cpus().length} CPUs)\n`,
);
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `cli-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  taskwarrior: rc ? spawnSync('task', ['--version'], { encoding: 'utf8' }).stdout.trim() : null,
  load_average: { ...load, after: loadAfter },
};
writeFileSync(
  file,
  `${JSON.stringify({ machine, tasks: tasks.length, runs, pairs, checks }, null, 2)}\n`,
);
process.stdout.write(`written ${file}\n`);
rmSync(dir, { recursive: true, force: true });
if (args.strict && !checks.every((c) => c.ok)) process.exitCode = 1;
