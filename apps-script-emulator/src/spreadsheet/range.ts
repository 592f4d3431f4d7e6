import { API_LABEL, ApiObject } from '../runtime/api-object.ts';
import { formatA1, type GridBox } from './a1-notation.ts';
import { DEFAULT_NUMBER_FORMAT, type CellValue } from './cell-values.ts';
import { checkShape } from './data-shape.ts';
import { displayValue } from './display-value.ts';
import type { DataValidation } from './data-validation.ts';
import type { Cell, SheetModel } from './sheet-model.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';

const valueOf = (cell: Cell | undefined): CellValue => {
  const v = cell?.value ?? '';
  return v instanceof Date ? new Date(v.getTime()) : v;
};

export class RangeApi extends ApiObject {
  readonly [API_LABEL] = 'Range';
  readonly #sheet: SheetModel;
  readonly #spreadsheet: SpreadsheetModel;
  readonly #box: GridBox;
  /** The Sheet this range came from: getSheet() answers it (passed in, not imported, so
   * range.ts does not depend back on sheet.ts). */
  readonly #owner: ApiObject;

  constructor(sheet: SheetModel, spreadsheet: SpreadsheetModel, box: GridBox, owner: ApiObject) {
    super();
    sheet.checkBox(box);
    this.#sheet = sheet;
    this.#spreadsheet = spreadsheet;
    this.#box = box;
    this.#owner = owner;
  }

  getValues(): CellValue[][] {
    return this.#sheet.read(this.#box, valueOf);
  }

  getDisplayValues(): string[][] {
    const zone = this.#spreadsheet.timeZone;
    return this.#sheet.read(this.#box, (c) =>
      displayValue(c?.value ?? '', c?.numberFormat, c?.autoFormat ?? undefined, zone),
    );
  }

  getFormulas(): string[][] {
    return this.#sheet.read(this.#box, (c) => c?.formula ?? '');
  }

  getNumberFormats(): string[][] {
    return this.#sheet.read(
      this.#box,
      (c) => c?.numberFormat ?? c?.autoFormat ?? DEFAULT_NUMBER_FORMAT,
    );
  }

  getDataValidations(): (DataValidation | null)[][] {
    return this.#sheet.read(this.#box, (c) => c?.validation ?? null);
  }

  getValue(): CellValue {
    return this.#first(valueOf);
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? '';
  }

  getFormula(): string {
    return this.#first((c) => c?.formula ?? '');
  }

  getNumberFormat(): string {
    return this.getNumberFormats()[0]?.[0] ?? DEFAULT_NUMBER_FORMAT;
  }

  getDataValidation(): DataValidation | null {
    return this.#first((c) => c?.validation ?? null);
  }

  getBackground(): string {
    return this.#first((c) => c?.style?.background ?? '#ffffff');
  }

  getFontWeight(): string {
    return this.#first((c) => c?.style?.fontWeight ?? 'normal');
  }

  setValues(values: unknown[][]): this {
    checkShape(values, this.#box);
    this.#sheet.write(this.#box, values);
    return this;
  }

  /** Like Sheets: every cell of the range gets the value. */
  setValue(value: unknown): this {
    const line = new Array<unknown>(this.#box.numColumns).fill(value);
    this.#sheet.write(
      this.#box,
      Array.from({ length: this.#box.numRows }, () => line),
    );
    return this;
  }

  setFormula(formula: string): this {
    return this.setValue(formula);
  }

  setFormulas(formulas: string[][]): this {
    return this.setValues(formulas);
  }

  setNumberFormat(format: string): this {
    this.#sheet.forEachCell(this.#box, (cell) => {
      cell.numberFormat = format;
    });
    return this;
  }

  setNumberFormats(formats: string[][]): this {
    checkShape(formats, this.#box);
    this.#each((cell, i, j) => {
      cell.numberFormat = String(formats[i]?.[j]);
    });
    return this;
  }

  setDataValidation(rule: DataValidation | null): this {
    this.#sheet.forEachCell(this.#box, (cell) => {
      cell.validation = rule;
    });
    return this;
  }

  clearDataValidations(): this {
    return this.setDataValidation(null);
  }

  setFontWeight(fontWeight: string | null): this {
    return this.#style({ fontWeight: fontWeight ?? undefined });
  }

  setBackground(color: string | null): this {
    return this.#style({ background: color ?? undefined });
  }

  setFontColor(color: string | null): this {
    return this.#style({ fontColor: color ?? undefined });
  }

  clearContent(): this {
    this.#sheet.forEachCell(this.#box, (cell) => {
      cell.value = '';
      cell.formula = null;
    });
    return this;
  }

  clearFormat(): this {
    this.#sheet.forEachCell(this.#box, (cell) => {
      delete cell.numberFormat;
      delete cell.style;
    });
    return this;
  }

  clear(): this {
    return this.clearContent().clearFormat();
  }

  getRow(): number {
    return this.#box.row;
  }

  getColumn(): number {
    return this.#box.column;
  }

  getLastRow(): number {
    return this.#box.row + this.#box.numRows - 1;
  }

  getLastColumn(): number {
    return this.#box.column + this.#box.numColumns - 1;
  }

  getNumRows(): number {
    return this.#box.numRows;
  }

  getNumColumns(): number {
    return this.#box.numColumns;
  }

  getA1Notation(): string {
    return formatA1(this.#box);
  }

  getSheet(): ApiObject {
    return this.#owner;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeApi {
    const box = {
      row: this.#box.row + rowOffset,
      column: this.#box.column + columnOffset,
      numRows: numRows ?? this.#box.numRows,
      numColumns: numColumns ?? this.#box.numColumns,
    };
    return new RangeApi(this.#sheet, this.#spreadsheet, box, this.#owner);
  }

  #first<T>(pick: (cell: Cell | undefined) => T): T {
    return pick(this.#sheet.cell(this.#box.row, this.#box.column));
  }

  #each(visit: (cell: Cell, i: number, j: number) => void): void {
    for (let i = 0; i < this.#box.numRows; i++) {
      for (let j = 0; j < this.#box.numColumns; j++) {
        visit(this.#sheet.ensureCell(this.#box.row + i, this.#box.column + j), i, j);
      }
    }
  }

  #style(change: Partial<NonNullable<Cell['style']>>): this {
    this.#sheet.forEachCell(this.#box, (cell) => {
      cell.style = { ...cell.style, ...change };
    });
    return this;
  }
}
