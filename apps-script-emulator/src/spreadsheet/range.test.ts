import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

// Script-side helpers: what add-on code does, written as Apps Script JavaScript.
const CODE = `
function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tasks'); }
function write(a1, rows) { sheet().getRange(a1).setValues(rows); }
function read(a1) { return sheet().getRange(a1).getValues(); }
function formulas(a1) { return sheet().getRange(a1).getFormulas(); }
function display(a1) { return sheet().getRange(a1).getDisplayValues(); }
function textColumn(a1) { sheet().getRange(a1).setNumberFormat('@'); }
function roundTripDate() {
  sheet().getRange('A1').setValue(new Date(Date.UTC(2026, 10, 27, 15)));
  var back = sheet().getRange('A1').getValue();
  return [back instanceof Date, back.toISOString()];
}
function readTypes(a1) { return read(a1)[0].map(function (v) { return v instanceof Date ? 'date' : typeof v; }); }
`;

function setup() {
  const app = inlineBundle(CODE);
  app.emulator.seedSheet('Tasks', [['id', 'title', 'due']]);
  return app;
}

describe('Range', () => {
  describe('setValues', () => {
    it('rejects data of the wrong shape with Sheets own messages', () => {
      const app = setup();
      expect(() => app.run('write', 'A2:C3', [['a', 'b', 'c']])).toThrow(
        'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      );
      expect(() => app.run('write', 'A2:C2', [['a', 'b']])).toThrow(
        'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
      );
    });

    it('applies the value rules: formulas, numbers, booleans and dates out of text', () => {
      const app = setup();
      app.run('write', 'A2:E2', [['=1+1', '+1', '-2', 'TRUE', '2026-11-27']]);
      expect(app.run('formulas', 'A2:E2')).toEqual([['=1+1', '', '', '', '']]);
      expect(app.run('readTypes', 'A2:E2')).toEqual([
        'number',
        'number',
        'number',
        'boolean',
        'date',
      ]);
      expect(app.emulator.spreadsheet().values('Tasks', 'A2:D2')).toEqual([[2, 1, -2, true]]);
    });

    it('stores text literally in plain-text ("@") cells', () => {
      const app = setup();
      app.run('textColumn', 'A2:E2');
      app.run('write', 'A2:E2', [['=1+1', '+1', '-call mom', 'TRUE', '2026-11-27']]);
      expect(app.run('formulas', 'A2:E2')).toEqual([['', '', '', '', '']]);
      expect(app.run('read', 'A2:E2')).toEqual([['=1+1', '+1', '-call mom', 'TRUE', '2026-11-27']]);
    });

    it('shows formulas it cannot compute as errors, never as the text written', () => {
      const app = setup();
      app.run('write', 'A2:B2', [['=HYPERLINK("x")', '-call mom']]);
      expect(app.run('formulas', 'A2:B2')).toEqual([['=HYPERLINK("x")', '=-call mom']]);
      expect(app.run('read', 'A2:B2')).toEqual([['#NAME?', '#NAME?']]);
    });
  });

  describe('getValues', () => {
    it('returns Dates of the script realm, so instanceof Date holds', () => {
      expect(setup().run('roundTripDate')).toEqual([true, '2026-11-27T15:00:00.000Z']);
    });

    it('pads beyond the data with empty strings', () => {
      expect(setup().run('read', 'B1:D2')).toEqual([
        ['title', 'due', ''],
        ['', '', ''],
      ]);
    });

    it('reads a 10,000-row table in one call, quickly', () => {
      const app = setup();
      const rows = Array.from({ length: 10_000 }, (_, i) => [`id-${i}`, `Task ${i}`, i]);
      app.emulator.seedSheet('Tasks', rows, { at: 'A2', raw: true });
      const started = performance.now();
      const values = app.run('read', 'A1:C10001') as unknown[][];
      expect(values).toHaveLength(10_001);
      expect(values[10_000]).toEqual(['id-9999', 'Task 9999', 9999]);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(app.emulator.calls.byMethod.get('Range.getValues')).toBe(1);
    });
  });

  describe('getDisplayValues', () => {
    it('shows values the way Sheets does', () => {
      const app = setup();
      app.run('write', 'A2:D2', [['2026-11-27', 42, true, 'x']]);
      expect(app.run('display', 'A2:D2')).toEqual([['2026-11-27', '42', 'TRUE', 'x']]);
    });
  });
});
