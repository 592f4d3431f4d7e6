import { TASK_FIELDS } from '@mindflow/shared';
import { makeTask } from '@mindflow/shared/testing';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { HARNESS_CODE_JS } from '../../test-support/build-harness.ts';
import { callWeb, setUpAddOn, sheetRows } from '../../test-support/add-on.ts';
import { emulatedStore, storeInExecution } from '../../test-support/emulated-store.ts';

function harness() {
  const app = loadBundle(HARNESS_CODE_JS, { now: '2026-11-27T15:00:00Z' });
  app.emulator.seedSheet('Tasks', [[...TASK_FIELDS]]);
  return app;
}

describe('interleaved writers', () => {
  it('finds the row by id under the lock after rows above it moved since it was read', () => {
    const app = harness();
    const store = emulatedStore(app);
    const [a, b, c] = [
      makeTask({ title: 'A' }),
      makeTask({ title: 'B' }),
      makeTask({ title: 'C' }),
    ];
    for (const t of [a!, b!, c!]) store.insert(t);
    const slow = app.execution();
    const stale = storeInExecution(slow);
    const readEarlier = stale.get(c!.id) as unknown as typeof c;
    // Meanwhile a person deletes row 2 (task A) and another request adds a task.
    app.emulator.spreadsheet().requireSheet('Tasks').deleteRows(2, 1);
    store.insert(makeTask({ title: 'D' }));
    expect(
      stale.update(
        { ...readEarlier!, title: 'C renamed', updated_at: '2026-12-01T00:00:00.000Z' },
        c!.updated_at,
      ),
    ).toBe('ok');
    slow.end();
    expect(sheetRows(app).map((r) => r.title)).toEqual(['B', 'C renamed', 'D']);
  });

  it('lets one of two writers holding the same version win and the other see a conflict', () => {
    const app = harness();
    const store = emulatedStore(app);
    const task = makeTask({ title: 'Shared' });
    store.insert(task);
    const [x1, x2] = [app.execution(), app.execution()];
    const [s1, s2] = [storeInExecution(x1), storeInExecution(x2)];
    const v1 = s1.get(task.id) as unknown as typeof task;
    const v2 = s2.get(task.id) as unknown as typeof task;
    expect(
      s1.update({ ...v1, title: 'First', updated_at: '2026-12-01T00:00:00.000Z' }, v1.updated_at),
    ).toBe('ok');
    x1.end();
    expect(
      s2.update({ ...v2, title: 'Second', updated_at: '2026-12-01T00:00:00.001Z' }, v2.updated_at),
    ).toBe('conflict');
    x2.end();
    expect(sheetRows(app)[0]?.title).toBe('First');
  });

  it('loses nothing when web requests, the sidebar and people write in turns under lock contention', () => {
    const { app, key } = setUpAddOn();
    const expected: string[] = [];
    for (let i = 0; i < 30; i++) {
      if (i % 3 === 0)
        app.emulator.locks.holdBy(`writer ${i}`, { releaseAfterMs: 1_000 + i * 100 });
      if (i % 7 === 0) app.emulator.locks.holdBy(`stuck ${i}`, { releaseAfterMs: 60_000 });
      const title = `Task ${i}`;
      const body = { title, idempotency_key: `create-${i}` };
      let res = callWeb(app, key, 'createTask', body);
      if (!res.ok && res.error.details?.reason === 'busy') {
        app.emulator.locks.release(`stuck ${i}`);
        res = callWeb(app, key, 'createTask', body); // the client's retry
      }
      expect(res.ok, title).toBe(true);
      expected.push(title);
      if (i % 5 === 0) {
        app.run('runOperation', 'createTask', { title: `Sidebar ${i}` });
        expected.push(`Sidebar ${i}`);
      }
      if (i % 4 === 0) {
        const row = app.emulator.spreadsheet().requireSheet('Tasks').lastRow() + 1;
        app.emulator.seedSheet('Tasks', [['', `Typed ${i}`]], { at: `A${row}` });
        expected.push(`Typed ${i}`);
      }
    }
    const titles = sheetRows(app).map((r) => r.title);
    expect([...titles].sort()).toEqual([...expected].sort());
    const listed = callWeb(app, key, 'listTasks', { limit: 100 }).data.tasks;
    expect(listed).toHaveLength(expected.length);
    expect(new Set(listed.map((t: any) => t.id)).size).toBe(expected.length);
  });
});
