import autocannon, { type Result } from 'autocannon';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteClient } from '../src/db/sql-client.sqlite.ts';
import { printRuns, writeResult, type RunRow } from './bench-report.ts';
import { fork } from 'node:child_process';
import { freePort, startServer } from './bench-server.ts';
import { benchTasks, register, seed, type BenchUser } from './bench-seed.ts';

// npm run bench: seeds a SQLite server, drives it with autocannon on 127.0.0.1 and checks
// the targets. Every run is bounded by its duration; the server is stopped at the end.

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    // Exit 1 when a target is missed (off by default: this machine is shared, and its
    // ceiling moves with other work; the bare-Express row shows by how much).
    strict: { type: 'boolean', default: false },
    users: { type: 'string', default: '100' },
  },
});
const duration = Number(args.duration);
const connections = Number(args.connections);
const userCount = Number(args.users);

type Row = RunRow;

function row(name: string, r: Result, cpuSeconds: number | null): Row {
  return {
    name,
    rps: Math.round(r.requests.average),
    per_cpu_s: cpuSeconds ? Math.round(r.requests.total / cpuSeconds) : null,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

async function load(
  name: string,
  url: string,
  options: Partial<autocannon.Options>,
  seconds = duration,
  cpu: (() => number) | null = null,
): Promise<Row> {
  process.stderr.write(`running ${name} for ${seconds}s …\n`);
  const before = cpu?.() ?? 0;
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  return row(name, result, cpu ? cpu() - before : null);
}

/** A small deterministic generator, so every run draws the same sequence. */
function xorshift(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/**
 * 60 % list (limit 50), 20 % best, 10 % create, 10 % complete, each request for a user drawn
 * independently of the operation, so every user's answers are invalidated by writes.
 */
function weightedMix(users: BenchUser[]): autocannon.Request[] {
  const random = xorshift(0x5eed);
  let n = 0;
  const setupRequest = (req: autocannon.Request): autocannon.Request => {
    n++;
    const user = users[Math.floor(random() * users.length)]!;
    const roll = random();
    const headers = { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' };
    if (roll < 0.6) return { ...req, method: 'GET', path: '/api/tasks?limit=50', headers };
    if (roll < 0.8) return { ...req, method: 'GET', path: '/api/tasks/best', headers };
    if (roll < 0.9) {
      const body = JSON.stringify({ title: `new ${n}`, priority: (n % 5) + 1 });
      return { ...req, method: 'POST', path: '/api/tasks', headers, body };
    }
    const id = user.taskIds[Math.floor(random() * user.taskIds.length)]!;
    return { ...req, method: 'POST', path: `/api/tasks/${id}/complete`, headers, body: '{}' };
  };
  return [{ setupRequest }];
}

async function bareExpress(): Promise<Row> {
  const port = await freePort();
  const child = fork(fileURLToPath(new URL('./reference-server.ts', import.meta.url)), [
    String(port),
  ]);
  await new Promise((resolve) => child.once('message', resolve));
  try {
    await load('warm-up', `http://127.0.0.1:${port}/ping`, {}, 2);
    const cpu = () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    const url = `http://127.0.0.1:${port}/ping`;
    return await load('bare Express route (reference)', url, {}, duration, cpu);
  } finally {
    child.kill('SIGTERM');
  }
}

async function run(): Promise<void> {
  const reference = await bareExpress();
  const dataDir = mkdtempSync(join(tmpdir(), 'mindflow-bench-'));
  const server = await startServer({
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_MINUTE: '100000000',
    AUTH_RATE_LIMIT_PER_15_MIN: '100000',
  });
  try {
    process.stderr.write(`server on ${server.url}, data in ${dataDir}; seeding …\n`);
    const db = new SqliteClient({ path: join(dataDir, 'mindflow.db') });
    const now = Date.now();
    const big = await register(server.url, 'big@bench.invalid');
    await seed(db, big, benchTasks(10_000, now));
    const users: BenchUser[] = [];
    for (let i = 0; i < userCount; i++) {
      const u = await register(server.url, `user${i}@bench.invalid`);
      await seed(db, u, benchTasks(100, now));
      users.push(u);
    }
    await db.close();
    const auth = { authorization: `Bearer ${big.token}` };
    const byId = `${server.url}/api/tasks/${big.taskIds[4321]}`;
    // Warm-up: JIT, statement caches, the first (full) ranking.
    await load('warm-up', byId, { headers: auth }, 2);
    await load('warm-up', `${server.url}/api/tasks/best`, { headers: auth }, 2);
    const cpu = () => server.cpuSeconds();
    const best = `${server.url}/api/tasks/best`;
    const rows = [
      reference,
      await load('GET /health (db ping)', `${server.url}/health`, {}, duration, cpu),
      await load('GET /api/tasks/:id (10k-task user)', byId, { headers: auth }, duration, cpu),
      await load('GET /api/tasks/best (10k active tasks)', best, { headers: auth }, duration, cpu),
      await load(
        `mixed ${userCount} users × 100 tasks`,
        server.url,
        { requests: weightedMix(users) },
        duration * 1.5,
        cpu,
      ),
    ];
    const rss = server.rssMb();
    const [bare, health, get, bestRow, mixed] = rows as [Row, Row, Row, Row, Row];
    // Issue 11's targets, as ratios measured side by side in this run. Both are printed; the
    // verdict reads req per CPU-second of each process, which a busy machine moves far less
    // than req/s (a starved run of the bare route would make any ratio pass).
    const pct = (a: number, b: number) => Math.round((a / b) * 100);
    const ratio = (name: string, a: Row, b: Row, atLeast: number) => {
      const byRps = pct(a.rps, b.rps);
      const byCpu = a.per_cpu_s && b.per_cpu_s ? pct(a.per_cpu_s, b.per_cpu_s) : null;
      return {
        target: `${name} ≥ ${atLeast} %`,
        value: `${byRps} % req/s, ${byCpu ?? '—'} % req/cpu-s`,
        ok: (byCpu ?? byRps) >= atLeast,
      };
    };
    const checks = [
      ratio('/health vs bare route', health, bare, 0),
      ratio('GET /api/tasks/:id vs bare route', get, bare, 40),
      ratio('mixed vs bare route', mixed, bare, 25),
      { target: 'mixed p99 ≤ 100 ms', value: `${mixed.p99} ms`, ok: mixed.p99 <= 100 },
      {
        target: 'mixed: zero errors',
        value: `${mixed.errors + mixed.non2xx}`,
        ok: mixed.errors + mixed.non2xx === 0,
      },
      ratio('best vs GET /api/tasks/:id', bestRow, get, 100),
      { target: 'RSS ≤ 200 MB after the run', value: `${rss} MB`, ok: rss <= 200 },
    ];
    printRuns(rows, checks);
    const file = writeResult('server', {
      duration_s: duration,
      connections,
      rows,
      rss_mb: rss,
      checks,
    });
    process.stdout.write(`\nwritten ${file}\n`);
    if (args.strict && !checks.every((c) => c.ok)) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

await run();
