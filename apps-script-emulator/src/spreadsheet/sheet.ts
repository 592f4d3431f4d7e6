import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';
import { parseA1, resolveA1, type GridBox } from './a1-notation.ts';
import type { CellValue } from './cell-values.ts';
import { RangeApi } from './range.ts';
import type { ConditionalFormatRule } from './conditional-format.ts';
import type { SheetModel } from './sheet-model.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';

const DEFAULT_COLUMN_WIDTH = 100;

function integer(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ServiceError(`Invalid argument: ${what}`);
  }
  return value;
}

export class SheetApi extends ApiObject {
  readonly [API_LABEL] = 'Sheet';
  readonly #sheet: SheetModel;
  readonly #spreadsheet: SpreadsheetModel;
  /** The Spreadsheet this sheet came from: getParent() answers it (passed in, not imported,
   * so sheet.ts does not depend back on spreadsheet.ts). */
  readonly #parent: ApiObject;

  constructor(sheet: SheetModel, spreadsheet: SpreadsheetModel, parent: ApiObject) {
    super();
    this.#sheet = sheet;
    this.#spreadsheet = spreadsheet;
    this.#parent = parent;
  }

  /** The model behind a sheet the script handed back (static, so scripts cannot reach it). */
  static modelOf(sheet: SheetApi): SheetModel {
    return sheet.#sheet;
  }

  getName(): string {
    return this.#sheet.name;
  }

  setName(name: string): this {
    const clash = this.#spreadsheet.sheet(name);
    if (clash && clash !== this.#sheet) {
      throw new ServiceError(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    this.#sheet.name = name;
    return this;
  }

  getSheetId(): number {
    return this.#sheet.sheetId;
  }

  getIndex(): number {
    return this.#spreadsheet.sheets.indexOf(this.#sheet) + 1;
  }

  getParent(): ApiObject {
    return this.#parent;
  }

  getRange(
    a1OrRow: string | number,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): RangeApi {
    let box: GridBox;
    if (typeof a1OrRow === 'string') {
      box = resolveA1(parseA1(a1OrRow), this.#sheet.maxRows, this.#sheet.maxColumns);
    } else {
      box = {
        row: integer(a1OrRow, 'row'),
        column: integer(column, 'column'),
        numRows: numRows === undefined ? 1 : integer(numRows, 'numRows'),
        numColumns: numColumns === undefined ? 1 : integer(numColumns, 'numColumns'),
      };
    }
    return new RangeApi(this.#sheet, this.#spreadsheet, box, this);
  }

  getDataRange(): RangeApi {
    return this.getRange(
      1,
      1,
      Math.max(1, this.#sheet.lastRow()),
      Math.max(1, this.#sheet.lastColumn()),
    );
  }

  getSheetValues(row: number, column: number, numRows: number, numColumns: number): CellValue[][] {
    const rows = numRows === -1 ? this.#sheet.lastRow() - row + 1 : numRows;
    const columns = numColumns === -1 ? this.#sheet.lastColumn() - column + 1 : numColumns;
    return this.getRange(row, column, rows, columns).getValues();
  }

  getLastRow(): number {
    return this.#sheet.lastRow();
  }

  getLastColumn(): number {
    return this.#sheet.lastColumn();
  }

  getMaxRows(): number {
    return this.#sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.#sheet.maxColumns;
  }

  /** Writes after the last row with content, growing the sheet by a row when it is full. */
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw new ServiceError(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    const row = this.#sheet.lastRow() + 1;
    if (row > this.#sheet.maxRows) this.#sheet.insertRowsAfter(this.#sheet.maxRows, 1);
    this.#sheet.maxColumns = Math.max(this.#sheet.maxColumns, rowContents.length);
    this.#sheet.write({ row, column: 1, numRows: 1, numColumns: rowContents.length }, [
      rowContents,
    ]);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.#sheet.insertRowsAfter(
      integer(afterPosition, 'afterPosition'),
      integer(howMany, 'howMany'),
    );
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.#sheet.insertColumnsAfter(
      integer(afterPosition, 'afterPosition'),
      integer(howMany, 'howMany'),
    );
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.#sheet.deleteRows(integer(rowPosition, 'rowPosition'), integer(howMany, 'howMany'));
  }

  deleteRow(rowPosition: number): this {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.#sheet.maxRows) throw new ServiceError('Invalid argument: rows');
    this.#sheet.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.#sheet.frozenRows;
  }

  hideSheet(): this {
    const visible = this.#spreadsheet.sheets.filter((s) => !s.hidden);
    if (visible.length === 1 && visible[0] === this.#sheet) {
      throw new ServiceError("You can't hide all the sheets in a document.");
    }
    this.#sheet.hidden = true;
    return this;
  }

  showSheet(): this {
    this.#sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.#sheet.hidden;
  }

  setConditionalFormatRules(rules: ConditionalFormatRule[]): void {
    this.#sheet.conditionalRules = [...rules];
  }

  getConditionalFormatRules(): ConditionalFormatRule[] {
    return [...this.#sheet.conditionalRules];
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.#sheet.columnWidths.set(integer(columnPosition, 'columnPosition'), width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.#sheet.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  clearContents(): this {
    this.getRange(1, 1, this.#sheet.maxRows, this.#sheet.maxColumns).clearContent();
    return this;
  }

  clear(): this {
    this.getRange(1, 1, this.#sheet.maxRows, this.#sheet.maxColumns).clear();
    return this;
  }

  activate(): this {
    return this;
  }
}
