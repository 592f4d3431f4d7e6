import { describe, expect, it } from 'vitest';
import { interpretInput } from './cell-values.ts';

const NY = 'America/New_York';
const stored = (input: unknown, format?: string) => interpretInput(input, format, NY);

describe('cell-values', () => {
  describe('interpretInput', () => {
    it('keeps numbers, booleans and dates as they are', () => {
      expect(stored(42).value).toBe(42);
      expect(stored(false).value).toBe(false);
      const when = new Date('2026-11-27T15:00:00Z');
      expect(stored(when).value).toEqual(when);
      expect(stored(when).value).not.toBe(when);
    });

    it('stores null and undefined as an empty cell', () => {
      expect(stored(null).value).toBe('');
      expect(stored(undefined).value).toBe('');
    });

    it('takes "=…" as a formula', () => {
      expect(stored('=1+2')).toMatchObject({ value: 3, formula: '=1+2' });
      expect(stored('=SUM(A1:A3)')).toMatchObject({ value: '#NAME?', formula: '=SUM(A1:A3)' });
      expect(stored('="hi"')).toMatchObject({ value: 'hi', formula: '="hi"' });
    });

    it('turns number-like text into numbers', () => {
      expect(stored('42').value).toBe(42);
      expect(stored('+1').value).toBe(1);
      expect(stored('-2').value).toBe(-2);
      expect(stored('1,234.5').value).toBe(1234.5);
      expect(stored('50%').value).toBe(0.5);
      expect(stored('1e3').value).toBe(1000);
    });

    it('turns TRUE/FALSE text into booleans', () => {
      expect(stored('true').value).toBe(true);
      expect(stored('FALSE').value).toBe(false);
    });

    it('turns date-like text into a Date at midnight in the spreadsheet zone', () => {
      expect(stored('2026-11-27')).toMatchObject({
        value: new Date('2026-11-27T05:00:00Z'),
        autoFormat: 'yyyy-mm-dd',
      });
      expect(stored('11/27/2026').value).toEqual(new Date('2026-11-27T05:00:00Z'));
      expect(stored('2026-07-04 09:30').value).toEqual(new Date('2026-07-04T13:30:00Z'));
    });

    it('leaves impossible dates and ISO instants with a T as text', () => {
      expect(stored('2026-02-30').value).toBe('2026-02-30');
      expect(stored('2026-11-27T15:00:00Z').value).toBe('2026-11-27T15:00:00Z');
    });

    it('reads leading + or - on non-numbers as a formula attempt', () => {
      expect(stored('-call mom')).toMatchObject({ formula: '=-call mom', value: '#NAME?' });
      expect(stored('+1+2')).toMatchObject({ formula: '=+1+2', value: 3 });
      expect(stored('-').value).toBe('-');
    });

    it('keeps everything literal in a plain-text ("@") cell', () => {
      for (const text of ['=1+2', '42', '+1', '-call mom', 'true', '2026-11-27']) {
        expect(stored(text, '@'), text).toEqual({ value: text, formula: null, autoFormat: null });
      }
    });

    it('drops a leading apostrophe and keeps the rest as text', () => {
      expect(stored("'=1+2")).toEqual({ value: '=1+2', formula: null, autoFormat: null });
      expect(stored("'007").value).toBe('007');
    });

    it('keeps ordinary text, including UUIDs', () => {
      expect(stored('Buy milk').value).toBe('Buy milk');
      expect(stored('3f1c2a90-6b1e-4c1e-9d55-0a3c2b1e4f11').value).toBe(
        '3f1c2a90-6b1e-4c1e-9d55-0a3c2b1e4f11',
      );
    });
  });
});
