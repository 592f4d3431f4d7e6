import { TASK_FIELDS } from '@mindflow/shared';
import { describe, expect, it } from 'vitest';
import { callWeb, logRows, setUpAddOn, sheetRows } from '../../test-support/add-on.ts';

const col = (f: string) => String.fromCharCode(65 + TASK_FIELDS.indexOf(f as never));

describe('edit-trigger', () => {
  describe('onTasksEdit', () => {
    it('stamps id and created_at on a typed row and leaves every typed cell as it was', () => {
      const { app, key } = setUpAddOn();
      app.edit('Tasks', `${col('title')}2`, [['Buy present', '', '', 'high']]);
      const [row] = sheetRows(app);
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row?.created_at).toBe('2026-11-27T15:00:00.000Z');
      expect(row).toMatchObject({ title: 'Buy present', status: '', priority: 'high' });
      expect(logRows(app).map((r) => [r[1], r[2], r[3]])).toEqual([
        ['stampRow', row?.id, 'trigger'],
      ]);
      const listed = callWeb(app, key, 'listTasks');
      expect(listed.data.tasks).toMatchObject([{ id: row?.id, priority: 4, status: 'pending' }]);
    });

    it('ignores edits on other sheets', () => {
      const { app } = setUpAddOn();
      app.emulator.seedSheet('Tasks', [['', 'Typed, not stamped yet']], { at: 'A2' });
      app.edit('Notes', 'A1', [['hello']]);
      expect(sheetRows(app)[0]?.id).toBe('');
    });

    it('gives way when a write holds the lock (that write stamps the row)', () => {
      const { app, key } = setUpAddOn();
      app.emulator.locks.holdBy('a write', { releaseAfterMs: 60_000 });
      app.edit('Tasks', `${col('title')}2`, [['Later']]);
      expect(sheetRows(app)[0]?.id).toBe('');
      app.emulator.locks.release('a write');
      callWeb(app, key, 'createTask', { title: 'Another' });
      expect(sheetRows(app)[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
