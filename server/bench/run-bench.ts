import type autocannon from 'autocannon';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SqliteClient } from '../src/db/sql-client.sqlite.ts';
import { printRuns, writeResult, type RunRow } from './bench-report.ts';
import { alternate, slice } from './load-slices.ts';
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

/** The bare Express route in a process of its own, for the whole run. */
async function bareExpress(): Promise<{ url: string; cpu: () => number; stop: () => void }> {
  const port = await freePort();
  const child = fork(fileURLToPath(new URL('./reference-server.ts', import.meta.url)), [
    String(port),
  ]);
  await new Promise((resolve) => child.once('message', resolve));
  const cpu = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  return { url: `http://127.0.0.1:${port}/ping`, cpu, stop: () => child.kill('SIGTERM') };
}

interface Phase {
  phase: Row;
  /** The bare route, in the slices between the phase's own. */
  reference: Row;
}

/** One phase against the bare route, in alternating slices (load-slices.ts). */
async function sideBySide(
  name: string,
  url: string,
  options: Partial<autocannon.Options>,
  seconds: number,
  server: () => number,
  bare: { url: string; cpu: () => number },
  exactLatency = false,
): Promise<Phase> {
  const [reference, phase] = await alternate(
    {
      name: '  bare Express route, alternating',
      url: bare.url,
      options: { connections },
      cpu: bare.cpu,
    },
    { name, url, options: { connections, ...options }, cpu: server, exactLatency },
    seconds,
    false,
  );
  return { phase, reference };
}

/** Two seconds of a load before it is measured: JIT, statement caches, first rankings. */
async function warmUp(url: string, options: Partial<autocannon.Options>): Promise<void> {
  process.stderr.write(`warming up ${url} …\n`);
  await slice(url, { connections, ...options }, 2, null);
}

async function run(): Promise<void> {
  const bare = await bareExpress();
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
    // A thousand different tasks in turn: requests of one turn are read together
    // (turn-batch.ts), and one id for every request would let equal reads share one row.
    const ids = big.taskIds.filter((_, i) => i % 10 === 0);
    let next = 0;
    const byIdRequests: autocannon.Request[] = [
      {
        setupRequest: (req) => ({ ...req, path: `/api/tasks/${ids[next++ % ids.length]!}` }),
      },
    ];
    const byId = `${server.url}/api/tasks/${big.taskIds[4321]}`;
    const best = `${server.url}/api/tasks/best`;
    // Warm-up: JIT, statement caches, the first (full) ranking.
    for (const [url, options] of [
      [bare.url, {}],
      [byId, { headers: auth }],
      [best, { headers: auth }],
    ] as const) {
      await warmUp(url, options);
    }
    const cpu = () => server.cpuSeconds();
    const phases = [
      await sideBySide('GET /health (db ping)', `${server.url}/health`, {}, duration, cpu, bare),
      await sideBySide(
        'GET /api/tasks/:id (10k-task user, 1,000 ids)',
        byId,
        { headers: auth, requests: byIdRequests },
        duration,
        cpu,
        bare,
      ),
      await sideBySide(
        'GET /api/tasks/best (10k active tasks)',
        best,
        { headers: auth },
        duration,
        cpu,
        bare,
      ),
      // The mixed load's own paths warmed up too (lists, writes, each user's first
      // ranking), with a mix of its own, just before it, so that its writes do not change
      // what the phases above measure.
      await warmUp(server.url, { requests: weightedMix(users) }).then(() =>
        sideBySide(
          `mixed ${userCount} users × 100 tasks`,
          server.url,
          { requests: weightedMix(users) },
          duration * 1.5,
          cpu,
          bare,
          true,
        ),
      ),
    ];
    const rows = phases.flatMap((p) => [p.phase, p.reference]);
    const rss = server.rssMb();
    const [health, get, bestPhase, mixedPhase] = phases as [Phase, Phase, Phase, Phase];
    const mixed = mixedPhase.phase;
    // Issue 11's targets, as ratios measured side by side in this run. Both are printed; the
    // verdict reads req per CPU-second of each process, which a busy machine moves far less
    // than req/s (a starved run of the bare route would make any ratio pass).
    const pct = (a: number, b: number) => Math.round((a / b) * 100);
    /** A phase's row in units of the bare route beside it. */
    const relative = ({ phase, reference }: Phase): Row => ({
      ...phase,
      rps: phase.rps / reference.rps,
      per_cpu_s:
        phase.per_cpu_s && reference.per_cpu_s ? phase.per_cpu_s / reference.per_cpu_s : null,
    });
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
      ratio('/health vs bare route', health.phase, health.reference, 0),
      ratio('GET /api/tasks/:id vs bare route', get.phase, get.reference, 40),
      ratio('mixed vs bare route', mixed, mixedPhase.reference, 25),
      { target: 'mixed p99 ≤ 100 ms', value: `${mixed.p99} ms`, ok: mixed.p99 <= 100 },
      {
        target: 'mixed: zero errors',
        value: `${mixed.errors + mixed.non2xx}`,
        ok: mixed.errors + mixed.non2xx === 0,
      },
      // Two phases taken at different times: each is read in units of the bare route beside it.
      ratio('best vs GET /api/tasks/:id', relative(bestPhase), relative(get), 100),
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
    bare.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await run();
