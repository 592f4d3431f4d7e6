import { describe, expect, it } from 'vitest';
import { callWeb, seedTasks, setUpAddOn, sheetRows } from '../../test-support/add-on.ts';

function withRows(count: number) {
  const added = setUpAddOn();
  seedTasks(added.app, count);
  return added;
}

function spreadsheetCalls(app: ReturnType<typeof withRows>['app'], run: () => unknown): number {
  app.emulator.calls.reset();
  run();
  return app.emulator.calls.SpreadsheetApp;
}

describe('a 10,000-row sheet', () => {
  const { app, key } = withRows(10_000);

  it('answers getBestTask with at most 4 Spreadsheet calls', () => {
    let best: any;
    const calls = spreadsheetCalls(app, () => (best = callWeb(app, key, 'getBestTask')));
    expect(best.ok).toBe(true);
    expect(calls).toBeLessThanOrEqual(4);
  });

  it('pages listTasks under 100,000 characters with at most 4 Spreadsheet calls', () => {
    const res = app.doGet({ query: { action: 'listTasks', key, limit: '100', status: 'all' } });
    expect(res.content.length).toBeLessThan(100_000);
    expect(res.json<any>().data.tasks).toHaveLength(100);
    expect(
      spreadsheetCalls(app, () => callWeb(app, key, 'listTasks', { q: 'Task 9999' })),
    ).toBeLessThanOrEqual(4);
  });

  it('updates a task near the bottom by id, with as many calls as on a small sheet', () => {
    const small = withRows(10);
    const id = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const smallCalls = spreadsheetCalls(small.app, () =>
      callWeb(small.app, small.key, 'updateTask', { id: id(7), title: 'Changed' }),
    );
    const bigCalls = spreadsheetCalls(app, () =>
      callWeb(app, key, 'updateTask', { id: id(9_500), title: 'Changed' }),
    );
    expect(bigCalls).toBe(smallCalls);
    expect(sheetRows(app)[9_499]?.title).toBe('Changed');
  });
});
