import type { Task } from '../task/task.schema.ts';

let counter = 0;

/** A deterministic v4-shaped UUID from a number: 00000000-0000-4000-8000-000000000007. */
export function testId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A valid task with every field set to a plain default; override what the test is about. */
export function makeTask(overrides: Partial<Task> = {}): Task {
  counter += 1;
  const at = overrides.created_at ?? new Date(Date.UTC(2026, 0, 1) + counter * 1000).toISOString();
  return {
    id: testId(counter),
    title: `Task ${counter}`,
    description: null,
    status: 'pending',
    priority: 3,
    due: null,
    effort_minutes: null,
    preferred_time: null,
    tags: [],
    snoozed_until: null,
    repeat: null,
    created_at: at,
    updated_at: at,
    completed_at: null,
    ...overrides,
  };
}

/** Values that break naive stores and spreadsheets: formulas, unicode, newlines, zones. */
export const AWKWARD_TITLES = [
  '=IMPORTXML("http://x","//a")',
  '+1',
  '-2',
  '@x',
  "'quoted",
  'Ünïcödé — 日本語 — emoji 🎉👩‍💻',
  '0042',
  'TRUE',
  '2026-11-27',
  '  spaced  ',
];
