import { TASK_FIELDS } from '@mindflow/shared';
import { describe, expect, it } from 'vitest';
import { callWeb, logRows, setUpAddOn, sheetRows } from '../../test-support/add-on.ts';

/** A row typed by a person: fields by name, in the template's column order. */
function typed(fields: Record<string, unknown>): unknown[] {
  return TASK_FIELDS.map((f) => fields[f] ?? '');
}

function typeRows(app: ReturnType<typeof setUpAddOn>['app'], rows: Record<string, unknown>[]) {
  // Typed in (not raw): Sheets turns 11/28/2026 into a date, 3 into a number, and so on.
  app.emulator.seedSheet('Tasks', rows.map(typed), { at: 'A2' });
}

describe('hand-typed rows', () => {
  it('reads typed rows sensibly: dates typed as dates, priority words, blank status, #tags', () => {
    const { app, key } = setUpAddOn();
    typeRows(app, [
      { title: 'Buy present', priority: 'high', due: '11/28/2026', tags: '#home #gifts' },
      { title: 'Call dentist', priority: 'p1', status: 'todo', effort_minutes: '1.5h' },
      { title: 'File taxes', priority: 3, due: '2026-12-01', status: 'done' },
      { title: 'Stretch', preferred_time: 'Morning', repeat: 'every weekday' },
    ]);
    const tasks = callWeb(app, key, 'listTasks', { status: 'all' }).data.tasks;
    expect(tasks).toHaveLength(4);
    const byTitle = Object.fromEntries(tasks.map((t: any) => [t.title, t]));
    expect(byTitle['Buy present']).toMatchObject({
      priority: 4,
      due: '2026-11-28',
      status: 'pending',
      tags: ['home', 'gifts'],
    });
    expect(byTitle['Call dentist']).toMatchObject({ priority: 5, effort_minutes: 90 });
    expect(byTitle['File taxes']).toMatchObject({ status: 'completed', due: '2026-12-01' });
    expect(byTitle['Stretch']).toMatchObject({
      preferred_time: 'morning',
      repeat: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
    });
  });

  it('gives a typed row the same id on every read, so a listed task can be acted on', () => {
    const { app, key } = setUpAddOn();
    typeRows(app, [{ title: 'Water plants' }, { title: 'Water plants' }]);
    const first = callWeb(app, key, 'listTasks').data.tasks.map((t: any) => t.id);
    const again = callWeb(app, key, 'listTasks').data.tasks.map((t: any) => t.id);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(2);
    const done = callWeb(app, key, 'completeTask', { id: first[1] });
    expect(done).toMatchObject({ ok: true, data: { task: { id: first[1], status: 'completed' } } });
    expect(
      sheetRows(app)
        .map((r) => r.id)
        .sort(),
    ).toEqual([...first].sort());
  });

  it('stamps id and created_at on the next write, leaving the typed cells alone', () => {
    const { app, key } = setUpAddOn();
    typeRows(app, [{ title: 'Typed', priority: 'high', status: '' }]);
    callWeb(app, key, 'createTask', { title: 'From the GPT' });
    const [typedRow, created] = sheetRows(app);
    expect(typedRow).toMatchObject({
      title: 'Typed',
      priority: 'high',
      status: '',
      created_at: '2026-11-27T15:00:00.000Z',
    });
    expect(typedRow?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created?.title).toBe('From the GPT');
    expect(logRows(app).map((r) => [r[1], r[2], r[4]])).toEqual([
      ['createTask', typedRow?.id, 'row 2: filled in id, created_at'],
      ['createTask', created?.id, ''],
    ]);
  });

  it('turns a malformed cell into a warning for its row, never a failure of the list', () => {
    const { app, key } = setUpAddOn();
    typeRows(app, [
      { title: 'Fine' },
      { title: 'Odd', priority: 'urgentish', due: 'someday', effort_minutes: 'ages', tags: 'a b!' },
      { description: 'no title yet' },
      { title: 'Also fine', due: '2026-13-45' },
    ]);
    const res = callWeb(app, key, 'listTasks');
    expect(res.ok).toBe(true);
    const read = res.data.tasks.map((t: any) => [t.title, t.priority, t.due]);
    expect(read.sort()).toEqual([
      ['Also fine', 3, null],
      ['Fine', 3, null],
      ['Odd', 3, null],
    ]);
    expect(callWeb(app, key, 'getBestTask').ok).toBe(true);
  });

  it('treats a copied row (same id twice) as a second task with an id of its own', () => {
    const { app, key } = setUpAddOn();
    const made = callWeb(app, key, 'createTask', { title: 'Original' }).data;
    const [row] = app.emulator.spreadsheet().values('Tasks').slice(1);
    app.emulator.seedSheet('Tasks', [row!.map((v, i) => (i === 1 ? 'Copy' : v))], { at: 'A3' });
    const listed = callWeb(app, key, 'listTasks').data.tasks;
    const copy = listed.find((t: any) => t.title === 'Copy');
    expect(listed).toHaveLength(2);
    expect(listed.find((t: any) => t.title === 'Original').id).toBe(made.id);
    expect(copy.id).not.toBe(made.id);
    callWeb(app, key, 'createTask', { title: 'Third' });
    expect(sheetRows(app)[1]?.id).toBe(copy.id);
  });

  it('reads reordered columns and keeps the user’s own columns and their formulas', () => {
    const { app, key } = setUpAddOn({ now: '2026-11-27T15:00:00Z' });
    const book = app.emulator.spreadsheet();
    book.removeSheet(book.requireSheet('Tasks'));
    const header = [
      'My notes',
      ...[...TASK_FIELDS].reverse().slice(0, 7),
      'Days left',
      ...[...TASK_FIELDS].reverse().slice(7),
    ];
    app.emulator.seedSheet('Tasks', [header]);
    app.run('setupSheet');
    const made = callWeb(app, key, 'createTask', { title: 'Reordered', priority: 2 }).data;
    const days = header.indexOf('Days left') + 1;
    const sheet = book.requireSheet('Tasks');
    sheet.write({ row: 2, column: 1, numRows: 1, numColumns: 1 }, [['keep me']]);
    sheet.write({ row: 2, column: days, numRows: 1, numColumns: 1 }, [['=1+2']]);
    callWeb(app, key, 'updateTask', { id: made.id, title: 'Renamed' });
    expect(book.formulas('Tasks', `A2:Z2`)[0]![days - 1]).toBe('=1+2');
    expect(sheetRows(app)[0]).toMatchObject({
      'My notes': 'keep me',
      title: 'Renamed',
      priority: 2,
    });
  });
});
