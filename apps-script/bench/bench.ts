// npm run bench -w @mindflow/apps-script: Spreadsheet service calls per web-app request at
// 100, 1,000 and 10,000 rows, and the script time of getBestTask at 10,000 rows, measured on
// the built bundle in the emulator. Prints a table; writes bench/results/apps-script.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OperationName } from '@mindflow/shared';
import { buildAddOn } from '../build.ts';
import type { LoadedBundle } from '@mindflow/apps-script-emulator';
import { callWeb, seedTasks, setUpAddOn } from '../test-support/add-on.ts';

const SIZES = [100, 1_000, 10_000];
const TIMING_RUNS = 7;
const RESULTS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results');
/** Calls that move data between the script and the Sheet (the rest fetch handles). */
const DATA_CALLS =
  /^(Range\.(getValues|setValues|setNumberFormats?|clearContent)|Sheet\.(appendRow|deleteRow|insertRowsAfter))$/;

const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** Each request, with the input it sends; writes touch a row in the middle of the sheet. */
function requests(rows: number): [OperationName, Record<string, unknown>][] {
  const middle = Math.floor(rows / 2) + 1 + ((Math.floor(rows / 2) + 1) % 10 === 0 ? 1 : 0);
  return [
    ['getBestTask', {}],
    ['rankTasks', { limit: 20 }],
    ['listTasks', { limit: 50 }],
    ['getTask', { id: id(middle) }],
    ['createTask', { title: 'Benchmark task', priority: 4, due: '2026-12-01' }],
    ['quickAddTask', { text: 'Call the bank tomorrow 3pm p2 #admin 15m' }],
    ['updateTask', { id: id(middle), title: 'Renamed by the benchmark' }],
    ['snoozeTask', { id: id(middle + 2), duration: '2h' }],
    ['completeTask', { id: id(middle + 4) }],
    ['deleteTask', { id: id(middle + 6) }],
  ];
}

interface Measure {
  spreadsheet: number;
  data: number;
  allServices: number;
  ms: number;
  ok: boolean;
}

function measure(app: LoadedBundle, key: string, op: OperationName, input: object): Measure {
  app.emulator.calls.reset();
  const started = performance.now();
  const res = callWeb(app, key, op, input as Record<string, unknown>);
  const ms = performance.now() - started;
  const calls = app.emulator.calls;
  let data = 0;
  for (const [method, n] of calls.byMethod) if (DATA_CALLS.test(method)) data += n;
  return { spreadsheet: calls.SpreadsheetApp, data, allServices: calls.total(), ms, ok: res.ok };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

await buildAddOn();
const results: Record<string, Record<string, Measure>> = {};
let bestTimes: number[] = [];
let growth: Measure | null = null;
for (const rows of SIZES) {
  const { app, key } = setUpAddOn();
  seedTasks(app, rows);
  // The grid has room below the data, as in a sheet MindFlow grew (it adds 100 rows when
  // full); the cost of growing is measured once, separately.
  const tasks = app.emulator.spreadsheet().requireSheet('Tasks');
  if (rows === SIZES[0]) {
    tasks.maxRows = tasks.lastRow();
    growth = measure(app, key, 'createTask', { title: 'Lands past the last row' });
  }
  tasks.maxRows = Math.max(tasks.maxRows, tasks.lastRow() + 50);
  results[rows] = {};
  for (const [op, input] of requests(rows)) {
    const m = measure(app, key, op, input);
    if (!m.ok) throw new Error(`${op} failed at ${rows} rows`);
    results[rows][op] = m;
  }
  if (rows === 10_000) {
    bestTimes = Array.from({ length: TIMING_RUNS }, () => measure(app, key, 'getBestTask', {}).ms);
  }
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const header = `${'request'.padEnd(14)}${SIZES.map((n) => pad(`${n} rows`, 22)).join('')}`;
const lines = [
  'Spreadsheet calls (data calls) · all service calls · ms, per web-app request',
  header,
];
for (const [op] of requests(100)) {
  const cells = SIZES.map((n) => {
    const m = results[n]![op]!;
    return pad(`${m.spreadsheet} (${m.data}) · ${m.allServices} · ${Math.round(m.ms)}`, 22);
  });
  lines.push(`${op.padEnd(14)}${cells.join('')}`);
}
const bestMedian = median(bestTimes);
lines.push(
  '',
  `createTask into a full grid (grows it by 100 rows, once per 100 inserts): ${growth?.spreadsheet} Spreadsheet calls`,
  `getBestTask at 10,000 rows: median ${Math.round(bestMedian)} ms over ${TIMING_RUNS} runs ` +
    `(min ${Math.round(Math.min(...bestTimes))}, max ${Math.round(Math.max(...bestTimes))}); target 1000 ms`,
);
process.stdout.write(`${lines.join('\n')}\n`);

mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  join(RESULTS, 'apps-script.json'),
  `${JSON.stringify(
    {
      measured_at: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      note: 'Built bundle in the apps-script emulator; every request is a fresh execution (bundle evaluated, Script Properties read, one getValues of the Tasks sheet).',
      per_request: results,
      create_task_into_full_grid: growth,
      get_best_task_10000_ms: { median: bestMedian, runs: bestTimes },
    },
    null,
    2,
  )}\n`,
);
