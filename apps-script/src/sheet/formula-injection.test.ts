import { TASK_FIELDS } from '@mindflow/shared';
import { AWKWARD_TITLES } from '@mindflow/shared/testing';
import { describe, expect, it } from 'vitest';
import { callWeb, setUpAddOn } from '../../test-support/add-on.ts';

const ATTACKS = [
  '=IMPORTXML("http://x","//a")',
  '=HYPERLINK("http://evil.example","click")',
  '+1',
  '-2',
  '@x',
  '+SUM(1,2)',
  '-cmd|calc!A1',
  "'quoted",
  '2026-11-27',
  'TRUE',
  '0042',
];

function formulasIn(app: ReturnType<typeof setUpAddOn>['app']): string[] {
  const book = app.emulator.spreadsheet();
  return book.formulas('Tasks', 'A1:Z200').flat().filter(Boolean);
}

describe('formula injection', () => {
  it('stores titles, descriptions and tags written through the web app as text, never formulas', () => {
    const { app, key } = setUpAddOn();
    for (const title of [...ATTACKS, ...AWKWARD_TITLES]) {
      const made = callWeb(app, key, 'createTask', { title, description: title });
      expect(made.ok, title).toBe(true);
      const got = callWeb(app, key, 'getTask', { id: made.data.id });
      expect(got.data.title).toBe(made.data.title);
      expect(got.data.description).toBe(title);
    }
    expect(formulasIn(app)).toEqual([]);
    const titles = app.emulator
      .spreadsheet()
      .values('Tasks')
      .slice(1)
      .map((r) => r[TASK_FIELDS.indexOf('title')]);
    for (const t of titles) expect(typeof t).toBe('string');
  });

  it('keeps text even where someone reset the sheet’s formatting to automatic', () => {
    const { app, key } = setUpAddOn();
    const tasks = app.emulator.spreadsheet().requireSheet('Tasks');
    tasks.forEachCell({ row: 1, column: 1, numRows: tasks.maxRows, numColumns: 14 }, (c) => {
      delete c.numberFormat;
    });
    const made = callWeb(app, key, 'createTask', { title: '=1+1' });
    callWeb(app, key, 'updateTask', { id: made.data.id, description: '+44 20 7946 0000' });
    callWeb(app, key, 'quickAddTask', { text: '=IMPORTXML("http://x","//a") #work' });
    expect(formulasIn(app)).toEqual([]);
    const listed = callWeb(app, key, 'listTasks').data.tasks.map((t: any) => t.title);
    expect(listed.sort()).toEqual(['=1+1', '=IMPORTXML("http://x","//a")']);
  });

  it('keeps a formula-like title text in the sidebar path too', () => {
    const { app } = setUpAddOn();
    app.run('runOperation', 'createTask', { title: '@SUM(A1:A9)' });
    expect(formulasIn(app)).toEqual([]);
  });
});
