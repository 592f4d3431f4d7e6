import { describe, expect, it } from 'vitest';
import { columnToNumber, formatA1, numberToColumn, parseA1, resolveA1 } from './a1-notation.ts';

describe('a1-notation', () => {
  describe('columnToNumber / numberToColumn', () => {
    it('converts both ways past single letters', () => {
      for (const [letters, n] of [
        ['A', 1],
        ['Z', 26],
        ['AA', 27],
        ['AZ', 52],
        ['ZZ', 702],
        ['AAA', 703],
      ] as const) {
        expect(columnToNumber(letters)).toBe(n);
        expect(numberToColumn(n)).toBe(letters);
      }
    });
  });

  describe('parseA1 + resolveA1', () => {
    const resolve = (a1: string) => resolveA1(parseA1(a1), 1000, 26);

    it('reads a single cell and a box', () => {
      expect(resolve('B3')).toEqual({ row: 3, column: 2, numRows: 1, numColumns: 1 });
      expect(resolve('A1:C10')).toEqual({ row: 1, column: 1, numRows: 10, numColumns: 3 });
    });

    it('reads whole columns and whole rows against the sheet size', () => {
      expect(resolve('A:A')).toEqual({ row: 1, column: 1, numRows: 1000, numColumns: 1 });
      expect(resolve('B:D')).toEqual({ row: 1, column: 2, numRows: 1000, numColumns: 3 });
      expect(resolve('2:2')).toEqual({ row: 2, column: 1, numRows: 1, numColumns: 26 });
    });

    it('reads open-ended ranges like A2:C', () => {
      expect(resolve('A2:C')).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 3 });
    });

    it('normalises reversed corners and ignores $ anchors', () => {
      expect(resolve('C10:A1')).toEqual(resolve('A1:C10'));
      expect(resolve('$A$1:$B$2')).toEqual({ row: 1, column: 1, numRows: 2, numColumns: 2 });
    });

    it('keeps the sheet name, quoted or not', () => {
      expect(parseA1("'My tasks'!A1:B2").sheetName).toBe('My tasks');
      expect(parseA1('Tasks!A1').sheetName).toBe('Tasks');
    });

    it('rejects what Sheets rejects with "Range not found"', () => {
      for (const bad of ['', 'A', '1A', 'A1:B2:C3', 'A1:']) {
        expect(() => parseA1(bad), bad).toThrow('Range not found');
      }
    });
  });

  describe('formatA1', () => {
    it('writes a single cell without a colon and a box with one', () => {
      expect(formatA1({ row: 2, column: 3, numRows: 1, numColumns: 1 })).toBe('C2');
      expect(formatA1({ row: 1, column: 1, numRows: 10, numColumns: 28 })).toBe('A1:AB10');
    });
  });
});
