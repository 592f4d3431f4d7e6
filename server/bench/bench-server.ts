import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { listenOnFreePort } from '@mindflow/shared/testing';
import { fileURLToPath } from 'node:url';

// What `npm start` runs: the bundle, with the start script's V8 flags and malloc setting
// (a bounded young generation and heap, two malloc arenas: RSS stays under 200 MB).
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=128'];
// Extra Node flags for the server, space-separated, to profile a benchmark's server, e.g.
// MINDFLOW_BENCH_NODE_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' (a benchmark's own knob).
const EXTRA_FLAGS = (process.env.MINDFLOW_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);

export interface RunningServer {
  url: string;
  child: ChildProcess;
  rssMb(): number;
  /** CPU time the server process has used so far (user + system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A port free right now, for a child process to listen on. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listenOnFreePort(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * The real entry point in its own process on 127.0.0.1, as production runs it: JSON logs
 * of every request (to /dev/null here, as to a log shipper), env-only configuration.
 */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...NODE_FLAGS, ...EXTRA_FLAGS, main], {
    env: {
      ...process.env,
      MALLOC_ARENA_MAX: '2',
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', process.env.TMP_STDOUT ? 'inherit' : 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start:\n${err}`);
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
    },
    cpuSeconds() {
      // /proc/PID/stat fields 14 and 15 (utime, stime) in clock ticks of 1/100 s.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
