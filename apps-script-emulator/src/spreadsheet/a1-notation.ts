import { ServiceError } from '../runtime/api-object.ts';

/** A parsed A1 reference; null bounds are open ("A:A" has no rows, "2:2" no columns). */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const CELL_RE = /^(\$?[A-Z]+)?(\$?\d+)?$/;

export function columnToNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.replaceAll('$', '').toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function numberToColumn(n: number): string {
  let out = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    out = String.fromCharCode(65 + ((rest - 1) % 26)) + out;
  }
  return out;
}

function parseCell(text: string): { row: number | null; column: number | null } {
  const m = CELL_RE.exec(text.toUpperCase());
  if (!m || (!m[1] && !m[2])) throw new ServiceError('Range not found');
  return {
    column: m[1] ? columnToNumber(m[1]) : null,
    row: m[2] ? Number(m[2].replace('$', '')) : null,
  };
}

function splitSheet(a1: string): { sheetName: string | null; cells: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: a1 };
  let name = a1.slice(0, bang);
  if (name.startsWith("'") && name.endsWith("'")) name = name.slice(1, -1).replaceAll("''", "'");
  return { sheetName: name, cells: a1.slice(bang + 1) };
}

/** "A1", "A1:C10", "A:A", "2:2", "A2:C", "'My sheet'!B2:D" (Sheets' own forms). */
export function parseA1(a1: string): A1Reference {
  const { sheetName, cells } = splitSheet(a1.trim());
  const [first = '', second, extra] = cells.split(':');
  if (extra !== undefined || first === '') throw new ServiceError('Range not found');
  const start = parseCell(first);
  const end = second === undefined ? start : parseCell(second);
  if (second === undefined && (start.row === null || start.column === null)) {
    throw new ServiceError('Range not found');
  }
  if ((start.row === null) !== (end.row === null) && start.row === null) {
    throw new ServiceError('Range not found');
  }
  return {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/** Resolves open bounds against the sheet's size, as Sheets does ("A:A" = every row). */
export function resolveA1(ref: A1Reference, maxRows: number, maxColumns: number): GridBox {
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startColumn ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c2 = ref.endColumn ?? maxColumns;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

export function formatA1(box: GridBox): string {
  const start = `${numberToColumn(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${numberToColumn(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}
