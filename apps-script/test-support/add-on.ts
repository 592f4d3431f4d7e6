import { OPERATIONS, TASK_FIELDS, type OperationName, type Result } from '@mindflow/shared';
import {
  loadBundle,
  type LoadBundleOptions,
  type LoadedBundle,
} from '@mindflow/apps-script-emulator';
import { DIST_CODE_JS } from './dist-path.ts';

/** Calls an operation as the Custom GPT does: GET with query parameters, or POST with a JSON body. */
export function webTransport(app: LoadedBundle, key: string) {
  return (op: OperationName, input: Record<string, unknown>): Promise<Result<unknown>> =>
    Promise.resolve(callWeb(app, key, op, input));
}

export function callWeb(
  app: LoadedBundle,
  key: string,
  op: OperationName,
  input: Record<string, unknown> = {},
): any {
  if (OPERATIONS[op].mutates) {
    return app.doPost({ query: { action: op, key }, body: input }).json();
  }
  const query: Record<string, string> = { action: op, key };
  for (const [k, v] of Object.entries(input)) query[k] = String(v);
  return app.doGet({ query }).json();
}

/** A new spreadsheet set up through the menu item, and its API key. */
export function setUpAddOn(options: LoadBundleOptions = {}): { app: LoadedBundle; key: string } {
  const app = loadBundle(DIST_CODE_JS, { now: '2026-11-27T15:00:00Z', ...options });
  app.run('setupSheet');
  const key = app.emulator.properties.script.get('API_KEY');
  if (!key) throw new Error('setup made no API key');
  return { app, key };
}

/** The Tasks sheet as rows of objects keyed by header (for assertions). */
export function sheetRows(app: LoadedBundle, sheet = 'Tasks'): Record<string, unknown>[] {
  const [header = [], ...rows] = app.emulator.spreadsheet().values(sheet);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** The hidden _log's rows (without the header). */
export function logRows(app: LoadedBundle): unknown[][] {
  const sheet = app.emulator.spreadsheet().sheet('_log');
  return sheet ? app.emulator.spreadsheet().values('_log').slice(1) : [];
}

/** A complete task row as MindFlow writes it, for seeding big sheets fast. */
export function taskRow(i: number, overrides: Record<string, unknown> = {}): unknown[] {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const values: Record<string, unknown> = {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    title: `Task ${i}`,
    description: '',
    status: i % 10 === 0 ? 'completed' : 'pending',
    priority: (i % 5) + 1,
    due:
      i % 3 === 0
        ? ''
        : `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    effort_minutes: (i % 8) * 15 || '',
    preferred_time: ['', 'morning', 'afternoon', 'evening'][i % 4],
    tags: i % 2 ? 'work' : 'home, errands',
    snoozed_until: '',
    repeat: i % 50 === 0 ? 'FREQ=WEEKLY;BYDAY=MO' : '',
    created_at: at,
    updated_at: at,
    completed_at: i % 10 === 0 ? at : '',
    ...overrides,
  };
  return TASK_FIELDS.map((f) => values[f]);
}

/** Seeds `count` MindFlow-written rows under the header (raw, as setValues into text cells). */
export function seedTasks(app: LoadedBundle, count: number, from = 1): void {
  const rows = Array.from({ length: count }, (_, i) => taskRow(from + i));
  app.emulator.seedSheet('Tasks', rows, { at: `A${from + 1}`, raw: true });
}
