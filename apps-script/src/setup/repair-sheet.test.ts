import { TASK_FIELDS } from '@mindflow/shared';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { DIST_CODE_JS } from '../../test-support/dist-path.ts';

function fresh() {
  return loadBundle(DIST_CODE_JS, { now: '2026-11-27T15:00:00Z' });
}

describe('repair-sheet', () => {
  describe('setupSheet (menu item)', () => {
    it('creates Tasks from the template header, frozen, with dropdowns and the overdue highlight', () => {
      const app = fresh();
      app.run('setupSheet');
      const book = app.emulator.spreadsheet();
      const tasks = book.requireSheet('Tasks');
      expect(book.values('Tasks')[0]).toEqual(TASK_FIELDS);
      expect(book.sheets[0]).toBe(tasks);
      expect(tasks.frozenRows).toBe(1);
      const status = tasks.cell(5, TASK_FIELDS.indexOf('status') + 1)?.validation;
      expect(status?.getCriteriaValues()[0]).toEqual([
        'pending',
        'in_progress',
        'completed',
        'snoozed',
      ]);
      expect(status?.getAllowInvalid()).toBe(true);
      expect(tasks.cell(5, TASK_FIELDS.indexOf('priority') + 1)?.validation).toBeTruthy();
      expect(tasks.cell(5, TASK_FIELDS.indexOf('preferred_time') + 1)?.validation).toBeTruthy();
      expect(tasks.cell(5, TASK_FIELDS.indexOf('title') + 1)?.numberFormat).toBe('@');
      expect(tasks.cell(5, TASK_FIELDS.indexOf('due') + 1)?.numberFormat).toBe('yyyy-mm-dd');
      expect(tasks.conditionalRules).toHaveLength(1);
      expect(tasks.conditionalRules[0]?.describe().values[0]).toMatch(
        /^=AND\(\$F2<>"", \$D2<>"completed", N\("mindflow-overdue"\)=0, .*< TODAY\(\)\)$/,
      );
      expect(app.emulator.ui.alerts[0]).toContain('Created the Tasks sheet.');
    });

    it('creates the hidden _log, the onEdit trigger, the API key and the zone memo', () => {
      const app = fresh();
      app.run('setupSheet');
      const log = app.emulator.spreadsheet().requireSheet('_log');
      expect(log.hidden).toBe(true);
      expect(app.emulator.spreadsheet().values('_log')[0]).toEqual([
        'time',
        'operation',
        'task_id',
        'source',
        'detail',
      ]);
      expect(app.emulator.triggers.triggers.map((t) => t.handlerFunction)).toEqual(['onTasksEdit']);
      expect(app.emulator.properties.script.get('API_KEY')).toMatch(/^mf_[0-9a-f]{64}$/);
      expect(app.emulator.properties.script.get('SPREADSHEET_TIME_ZONE')).toMatch(
        /^America\/New_York\|\d+$/,
      );
    });

    it('is idempotent: a second run keeps one rule, one trigger and the same key', () => {
      const app = fresh();
      app.run('setupSheet');
      const key = app.emulator.properties.script.get('API_KEY');
      app.run('setupSheet');
      expect(app.emulator.spreadsheet().requireSheet('Tasks').conditionalRules).toHaveLength(1);
      expect(app.emulator.triggers.triggers).toHaveLength(1);
      expect(app.emulator.properties.script.get('API_KEY')).toBe(key);
      expect(app.emulator.ui.alerts[1]).toContain('Everything was in place');
    });

    it('adds missing headers at the right and never touches existing data or user rules', () => {
      const app = fresh();
      const header = TASK_FIELDS.filter((f) => f !== 'due' && f !== 'tags');
      const typed = [
        ['Notes', ...header],
        ['mine', '', 'Water plants', '', 'pending', '3'],
        ['=1+1', '', 'Call Sam', 'about the trip'],
      ];
      app.emulator.seedSheet('Tasks', typed);
      const before = app.emulator.spreadsheet().values('Tasks');
      app.run('setupSheet');
      const after = app.emulator.spreadsheet().values('Tasks');
      expect(after[0]).toEqual([...typed[0]!, 'due', 'tags']);
      for (let r = 1; r < before.length; r++) {
        expect(after[r]!.slice(0, before[0]!.length)).toEqual(before[r]);
      }
      expect(app.emulator.spreadsheet().formulas('Tasks', 'A3')).toEqual([['=1+1']]);
      expect(app.emulator.ui.alerts[0]).toContain('Added the columns due, tags');
    });

    it('widens a full sheet before adding headers', () => {
      const app = fresh();
      const own = Array.from({ length: 20 }, (_, i) => `mine ${i}`);
      app.emulator.seedSheet('Tasks', [[...own, 'id', 'title']]);
      app.run('setupSheet');
      const header = app.emulator.spreadsheet().values('Tasks')[0]!;
      expect(header.slice(0, 22)).toEqual([...own, 'id', 'title']);
      expect(new Set(header)).toEqual(new Set([...own, ...TASK_FIELDS]));
    });

    it('reports rows it could not read', () => {
      const app = fresh();
      app.emulator.seedSheet('Tasks', [
        [...TASK_FIELDS],
        ['', 'Odd one', '', 'pending', 'urgentish'],
      ]);
      app.run('setupSheet');
      expect(app.emulator.ui.alerts[0]).toContain('Row 2: priority: "urgentish" is not a priority');
    });
  });
});
