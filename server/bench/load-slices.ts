import autocannon, { type Result } from 'autocannon';
import type { RunRow } from './bench-report.ts';

// Load in slices. This machine's speed drifts over tens of seconds, so two loads measured one
// after the other let a slow or fast spell land on one side of their ratio (the same build
// read 28 % and 44 % of the bare route that way). Alternating short slices of the two puts
// both under the same spells.

/** A load run's counts, to be summed over the slices of one phase. */
export interface Slice {
  result: Result;
  cpuSeconds: number | null;
  /**
   * Every response's time in ms, when collected: percentiles of separate runs do not merge,
   * these do. Only where a p99 is a target: the listener costs the client, and the bare
   * route is as fast as the client lets it be.
   */
  latencies: number[] | null;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function sliceRow(name: string, slices: readonly Slice[], seconds: number): RunRow {
  const requests = slices.reduce((n, s) => n + s.result.requests.total, 0);
  const cpu = slices.every((s) => s.cpuSeconds !== null)
    ? slices.reduce((n, s) => n + s.cpuSeconds!, 0)
    : null;
  const exact = slices.every((s) => s.latencies !== null);
  const latencies = slices.flatMap((s) => s.latencies ?? []).sort((a, b) => a - b);
  return {
    name,
    rps: Math.round(requests / seconds),
    per_cpu_s: cpu ? Math.round(requests / cpu) : null,
    // Otherwise the median slice's median and the worst slice's p99.
    p50: exact
      ? Math.round(percentile(latencies, 50))
      : percentile(
          slices.map((s) => s.result.latency.p50).sort((a, b) => a - b),
          50,
        ),
    p99: exact
      ? Math.round(percentile(latencies, 99))
      : Math.max(...slices.map((s) => s.result.latency.p99)),
    errors: slices.reduce((n, s) => n + s.result.errors + s.result.timeouts, 0),
    non2xx: slices.reduce((n, s) => n + s.result.non2xx, 0),
    requests,
  };
}

export async function slice(
  url: string,
  options: Partial<autocannon.Options>,
  seconds: number,
  cpu: (() => number) | null,
  collect = false,
): Promise<Slice> {
  const before = cpu?.() ?? 0;
  const latencies: number[] | null = collect ? [] : null;
  const result = await new Promise<Result>((resolve, reject) => {
    const run = autocannon({ url, duration: seconds, ...options }, (error, r) =>
      error ? reject(error as Error) : resolve(r),
    );
    if (latencies) run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  return { result, cpuSeconds: cpu ? cpu() - before : null, latencies };
}

export interface Load {
  name: string;
  url: string;
  /** autocannon's options: connections, headers, requests … */
  options: Partial<autocannon.Options>;
  /** The CPU seconds the process serving it has used so far. */
  cpu: () => number;
  /** Collect every response's time, for an exact p50/p99 (costs the client a little). */
  exactLatency?: boolean;
}

/**
 * Two loads in alternating slices of about 2 s, `seconds` each in all. With `sharedProcess`
 * false (two processes), each one's CPU is counted over the whole window, idle slices
 * included, so work a process defers (a collection, a checkpoint) while the other is loaded
 * is still charged to it; with one process serving both, CPU is read around each slice.
 */
export async function alternate(
  a: Load,
  b: Load,
  seconds: number,
  sharedProcess: boolean,
): Promise<[RunRow, RunRow]> {
  process.stderr.write(`running ${a.name} and ${b.name}, ${seconds}s each, alternating …\n`);
  const rounds = Math.max(1, Math.round(seconds / 2));
  const each = seconds / rounds;
  const slices: [Slice[], Slice[]] = [[], []];
  const before = [a.cpu(), b.cpu()];
  for (let i = 0; i < rounds; i++) {
    for (const [k, load] of [a, b].entries()) {
      const cpu = sharedProcess ? load.cpu : null;
      slices[k]!.push(await slice(load.url, load.options, each, cpu, load.exactLatency));
    }
  }
  const rows = [a, b].map((load, k) => {
    const r = sliceRow(load.name, slices[k]!, seconds);
    if (sharedProcess) return r;
    const used = load.cpu() - before[k]!;
    return { ...r, per_cpu_s: used > 0 ? Math.round(r.requests / used) : null };
  });
  return [rows[0]!, rows[1]!];
}
