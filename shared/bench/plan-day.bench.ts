// planDay on a heavy day: 1,000 candidate tasks and 50 calendar events (issue #6 asks for
// ≤ 20 ms). Prints the numbers and writes them to bench/results/plan-day.json at the root.
// Run: npm run bench -w @mindflow/shared
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { CalendarEvent } from '../src/planner/calendar-source.ts';
import { planDay } from '../src/planner/plan-day.ts';
import { resolvePlanSettings } from '../src/planner/plan-settings.ts';
import { renderPlanEmail } from '../src/email/plan-email.ts';
import { MemoryTaskStore } from '../src/service/memory-task-store.ts';
import { TaskService } from '../src/service/task-service.ts';
import { fixedCalendar } from '../src/planner/calendar-source.ts';
import { makeTask } from '../src/testing/task-factory.ts';
import type { Task } from '../src/task/task.schema.ts';
import { intlTimeZone } from '../src/time/time-zone.intl.ts';
import { ZonedCalendar } from '../src/time/time-zone.ts';

const TASKS = 1000;
const EVENTS = 50;
const RUNS = 300;
const BUDGET_MS = 20;
const ZONE = 'America/New_York';
const DATE = '2026-11-24';
const NOW = Date.parse('2026-11-24T07:30:00-05:00');

/** mulberry32: the same "random" day on every run, so numbers compare across commits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dataset(calendar: ZonedCalendar): { tasks: Task[]; events: CalendarEvent[] } {
  const r = random(6);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const dayStart = calendar.startOfDay(DATE);
  const iso = (minute: number) => calendar.formatInstant(dayStart + minute * 60_000);
  const tasks = Array.from({ length: TASKS }, (_, i) =>
    makeTask({
      title: `Task ${i}`,
      priority: 1 + Math.floor(r() * 5),
      effort_minutes: pick([null, 5, 15, 25, 30, 45, 60, 90, 120, 240]),
      preferred_time: pick([null, null, 'morning', 'afternoon', 'evening']),
      due: pick([null, null, '2026-11-20', DATE, '2026-11-25', '2026-12-10', iso(600 + i)]),
      status: pick(['pending', 'pending', 'pending', 'in_progress']),
    }),
  );
  const events = Array.from({ length: EVENTS }, (_, i) => {
    const start = 8 * 60 + Math.floor(r() * 10 * 60);
    return {
      id: `e${i}`,
      title: `Meeting ${i}`,
      start: iso(start),
      end: iso(start + pick([15, 25, 30, 45, 60])),
      response: pick(['accepted', 'accepted', 'tentative', 'declined', null] as const),
      ...(i % 10 === 0 ? { transparency: 'transparent' as const } : {}),
    };
  });
  return { tasks, events };
}

/** The ISO time `minute` minutes into the benchmark day. */
function isoAt(zoned: ZonedCalendar, minute: number): string {
  return zoned.formatInstant(zoned.startOfDay(DATE) + minute * 60_000);
}

function measure(name: string, run: () => unknown) {
  for (let i = 0; i < 30; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3));
  return { name, runs: RUNS, min_ms: at(0), median_ms: at(0.5), p95_ms: at(0.95), max_ms: at(1) };
}

const settings = resolvePlanSettings({ lunch: { start: '12:00', end: '12:45' } });
const warm = new ZonedCalendar(intlTimeZone, ZONE);
const { tasks, events } = dataset(warm);
const input = { date: DATE, now: NOW, tasks, events, settings };
const plan = planDay({ ...input, calendar: warm });
const service = new TaskService({
  store: new MemoryTaskStore(tasks),
  clock: () => NOW,
  newId: () => 'unused',
  timeZone: intlTimeZone,
  zone: ZONE,
  planning: { settings, calendar: fixedCalendar(events) },
});

// The same tasks on a 24-hour working day with the meetings spread out: many gaps, so many
// tasks are placed and split — the placing loop's worst case rather than the ranking's.
const roomy = {
  ...input,
  settings: resolvePlanSettings({
    working_hours: { start: '00:00', end: '24:00' },
    buffer_minutes: 0,
  }),
  events: events.map((e, i) => ({
    ...e,
    start: isoAt(warm, i * 28 + 10),
    end: isoAt(warm, i * 28 + 20),
  })),
};
const roomyPlan = planDay({ ...roomy, calendar: warm });

const cases = [
  measure('planDay, calendar offsets cached (server: one calendar per user)', () =>
    planDay({ ...input, calendar: warm }),
  ),
  measure('planDay, fresh calendar each run (Apps Script: one per execution)', () =>
    planDay({ ...input, calendar: new ZonedCalendar(intlTimeZone, ZONE) }),
  ),
  measure('getDailyPlan through TaskService (store read, budget check)', () =>
    service.executeSync('getDailyPlan', {}),
  ),
  measure('planDay, 24-hour day with 50 short meetings (placing-heavy)', () =>
    planDay({ ...roomy, calendar: warm }),
  ),
  measure('renderPlanEmail of that plan', () =>
    renderPlanEmail(plan, { appUrl: 'https://example.com', appLabel: 'Open' }),
  ),
];

const result = {
  benchmark: 'plan-day',
  tasks: TASKS,
  events: EVENTS,
  plan: {
    task_blocks: plan.blocks.filter((b) => b.kind === 'task').length,
    event_blocks: plan.blocks.filter((b) => b.kind === 'event').length,
    unscheduled: plan.unscheduled.length,
    at_risk: plan.at_risk.length,
    placing_heavy_task_blocks: roomyPlan.blocks.filter((b) => b.kind === 'task').length,
  },
  budget_ms: BUDGET_MS,
  within_budget: cases.slice(0, 4).every((c) => c.median_ms <= BUDGET_MS),
  cases,
  machine: {
    node: process.version,
    platform: platform(),
    cpu: cpus()[0]?.model ?? '?',
    cores: cpus().length,
    // Other work on the machine shows up as spread between median and p95.
    load_average_1m: Number(loadavg()[0]?.toFixed(2)),
  },
  measured_at: new Date().toISOString(),
};

for (const c of cases) {
  console.log(
    `${c.name}\n  median ${c.median_ms} ms · p95 ${c.p95_ms} ms · min ${c.min_ms} ms · max ${c.max_ms} ms`,
  );
}
console.log(
  `plan: ${JSON.stringify(result.plan)}; budget ${BUDGET_MS} ms: ${result.within_budget ? 'met' : 'MISSED'}`,
);
const dir = new URL('../../bench/results/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('plan-day.json', dir), `${JSON.stringify(result, null, 2)}\n`);
