import { describe, expect, it } from 'vitest';
import { layoutTable, renderTable, type TableColumn } from './text-table.ts';
import { fitText, textWidth, wrapText } from './text-width.ts';

const plain = { width: null, color: false };

describe('text-width', () => {
  it('counts wide characters as two columns and combining marks as none', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('日本語')).toBe(6);
    expect(textWidth('🎂 cake')).toBe(7);
    expect(textWidth('e\u0301te\u0301')).toBe(3);
  });

  it('cuts to a width with …, never splitting a wide character', () => {
    expect(fitText('Submit expense report', 10)).toBe('Submit ex…');
    expect(fitText('日本語のタスク', 6)).toBe('日本…');
    expect(fitText('short', 10)).toBe('short');
  });

  it('wraps words to a width', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
});

describe('text-table', () => {
  const columns: TableColumn[] = [
    { header: '#', align: 'right' },
    { header: 'task' },
    { header: 'note' },
  ];
  const rows = [
    ['1', 'A fairly long task title', 'first note'],
    ['10', 'Short', 'second'],
  ];

  it('keeps natural widths when they fit, and right-aligns numbers', () => {
    const layout = layoutTable(columns, rows, 80);
    expect(layout).toMatchObject({ shown: [0, 1, 2], fits: true });
    expect(renderTable(columns, rows, layout, plain).split('\n')).toEqual([
      ' #  task                      note',
      ' 1  A fairly long task title  first note',
      '10  Short                     second',
    ]);
  });

  it('applies the steps in order until the table fits, then gives freed room back', () => {
    const layout = layoutTable(columns, rows, 28, [{ shrink: 1, to: 14 }, { drop: 2 }]);
    expect(layout).toMatchObject({ shown: [0, 1], fits: true });
    // Dropping the note freed room: the task column grows back to its whole title.
    expect(renderTable(columns, rows, layout, plain).split('\n')[1]).toBe(
      ' 1  A fairly long task title',
    );
    const tight = layoutTable(columns, rows, 16, [{ shrink: 1, to: 8 }, { drop: 2 }]);
    expect(renderTable(columns, rows, tight, plain).split('\n')[1]).toBe(' 1  A fairly lo…');
  });

  it('says when the steps could not make it fit', () => {
    expect(layoutTable(columns, rows, 10, [{ shrink: 1, to: 8 }]).fits).toBe(false);
  });
});
