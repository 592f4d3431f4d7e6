import { ServiceError } from '../runtime/api-object.ts';
import { formatA1, type GridBox } from './a1-notation.ts';
import { interpretInput, type CellValue } from './cell-values.ts';
import type { ConditionalFormatRule } from './conditional-format.ts';
import { validationAccepts, type DataValidation } from './data-validation.ts';

export interface CellStyle {
  background?: string;
  fontWeight?: string;
  fontColor?: string;
}

/** One cell: its value plus whatever formatting the script set on it. */
export interface Cell {
  value: CellValue;
  formula?: string | null;
  numberFormat?: string;
  autoFormat?: string | null;
  validation?: DataValidation | null;
  style?: CellStyle;
}

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;

/**
 * One sheet's grid, stored row by row and only as far as something was written, so a
 * 10,000-row table costs 10,000 small arrays. Rows shift as whole arrays on delete/insert.
 */
export class SheetModel {
  name: string;
  readonly sheetId: number;
  maxRows = DEFAULT_MAX_ROWS;
  maxColumns = DEFAULT_MAX_COLUMNS;
  frozenRows = 0;
  hidden = false;
  conditionalRules: ConditionalFormatRule[] = [];
  readonly columnWidths = new Map<number, number>();
  private rows: (Cell | undefined)[][] = [];
  private readonly zone: () => string;

  constructor(name: string, sheetId: number, zone: () => string) {
    this.name = name;
    this.sheetId = sheetId;
    this.zone = zone;
  }

  timeZone(): string {
    return this.zone();
  }

  cell(row: number, column: number): Cell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  ensureCell(row: number, column: number): Cell {
    const line = (this.rows[row - 1] ??= []);
    return (line[column - 1] ??= { value: '' });
  }

  /** Throws like Sheets when a box leaves the grid. */
  checkBox(box: GridBox): void {
    if (box.row < 1) throw new ServiceError('The starting row of the range is too small.');
    if (box.column < 1) throw new ServiceError('The starting column of the range is too small.');
    if (box.numRows < 1)
      throw new ServiceError('The number of rows in the range must be at least 1.');
    if (box.numColumns < 1) {
      throw new ServiceError('The number of columns in the range must be at least 1.');
    }
    if (
      box.row + box.numRows - 1 > this.maxRows ||
      box.column + box.numColumns - 1 > this.maxColumns
    ) {
      throw new ServiceError(
        'The coordinates of the range are outside the dimensions of the sheet.',
      );
    }
  }

  lastRow(): number {
    for (let r = this.rows.length; r >= 1; r--) {
      if (this.rows[r - 1]?.some((c) => c && (c.value !== '' || c.formula))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const line of this.rows) {
      if (!line) continue;
      for (let c = line.length; c > last; c--) {
        const cell = line[c - 1];
        if (cell && (cell.value !== '' || cell.formula)) {
          last = c;
          break;
        }
      }
    }
    return last;
  }

  /** Writes user-entered input: the value rules apply, then strict data validation. */
  write(box: GridBox, inputs: readonly (readonly unknown[])[]): void {
    this.checkBox(box);
    const stored = inputs.map((line, i) =>
      line.map((input, j) => {
        const cell = this.cell(box.row + i, box.column + j);
        const result = interpretInput(input, cell?.numberFormat, this.zone());
        const rule = cell?.validation;
        if (rule && !rule.getAllowInvalid() && !validationAccepts(rule, result.value)) {
          const a1 = formatA1({
            row: box.row + i,
            column: box.column + j,
            numRows: 1,
            numColumns: 1,
          });
          throw new ServiceError(
            `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
          );
        }
        return result;
      }),
    );
    stored.forEach((line, i) =>
      line.forEach((result, j) => {
        const cell = this.ensureCell(box.row + i, box.column + j);
        cell.value = result.value;
        cell.formula = result.formula;
        cell.autoFormat = result.autoFormat;
      }),
    );
  }

  forEachCell(box: GridBox, visit: (cell: Cell) => void): void {
    this.checkBox(box);
    for (let r = box.row; r < box.row + box.numRows; r++) {
      for (let c = box.column; c < box.column + box.numColumns; c++) visit(this.ensureCell(r, c));
    }
  }

  read<T>(box: GridBox, pick: (cell: Cell | undefined) => T): T[][] {
    this.checkBox(box);
    const out: T[][] = new Array(box.numRows);
    for (let i = 0; i < box.numRows; i++) {
      const line = this.rows[box.row - 1 + i];
      const values: T[] = new Array(box.numColumns);
      for (let j = 0; j < box.numColumns; j++) values[j] = pick(line?.[box.column - 1 + j]);
      out[i] = values;
    }
    return out;
  }

  deleteRows(position: number, count: number): void {
    if (position < 1 || count < 1 || position + count - 1 > this.maxRows) {
      throw new ServiceError('Those rows are out of bounds.');
    }
    if (count >= this.maxRows - this.frozenRows) {
      throw new ServiceError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.rows.splice(position - 1, count);
    this.maxRows -= count;
  }

  /** New columns take the formatting (not the values) of the column to their left. */
  insertColumnsAfter(after: number, count: number): void {
    if (after < 0 || after > this.maxColumns || count < 1)
      throw new ServiceError('Those columns are out of bounds.');
    for (const line of this.rows) {
      if (!line) continue;
      const template = line[after - 1];
      const fresh = Array.from({ length: count }, () => formattingOnly([template])[0]);
      while (line.length < after) line.push(undefined);
      line.splice(after, 0, ...fresh);
    }
    this.maxColumns += count;
  }

  /** New rows take the formatting (not the values) of the row above, as in Sheets. */
  insertRowsAfter(after: number, count: number): void {
    if (after < 0 || after > this.maxRows || count < 1)
      throw new ServiceError('Those rows are out of bounds.');
    const template = this.rows[after - 1];
    const fresh = Array.from({ length: count }, () => formattingOnly(template));
    while (this.rows.length < after) this.rows.push([]);
    this.rows.splice(after, 0, ...fresh);
    this.maxRows += count;
  }
}

function formattingOnly(line: (Cell | undefined)[] | undefined): (Cell | undefined)[] {
  if (!line) return [];
  return line.map((cell) =>
    cell
      ? {
          value: '',
          numberFormat: cell.numberFormat,
          validation: cell.validation,
          style: cell.style ? { ...cell.style } : undefined,
        }
      : undefined,
  );
}
