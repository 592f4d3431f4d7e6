import { ServiceError } from '../runtime/api-object.ts';
import { parseA1, resolveA1 } from './a1-notation.ts';
import { SheetModel } from './sheet-model.ts';
import type { CellValue } from './cell-values.ts';

export interface SeedOptions {
  /** Top-left cell of the block, "A1" by default. */
  at?: string;
  /** Store values exactly as given instead of applying Sheets' typing rules. */
  raw?: boolean;
}

/**
 * A spreadsheet's state. Tests read and seed it directly (not counted as script calls);
 * the script reaches it only through SpreadsheetApp.
 */
export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  readonly sheets: SheetModel[] = [];
  readonly toasts: string[] = [];
  private nextSheetId = 0;

  constructor(id: string, name: string, timeZone: string) {
    this.id = id;
    this.name = name;
    this.timeZone = timeZone;
    this.addSheet('Sheet1');
  }

  url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The sheet by name, for tests: throws if it is missing. */
  requireSheet(name: string): SheetModel {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet named "${name}" in spreadsheet ${this.id}`);
    return sheet;
  }

  addSheet(name: string, index = this.sheets.length): SheetModel {
    if (this.sheet(name)) {
      throw new ServiceError(
        `A sheet with the name "${name}" already exists. Please enter another name.`,
      );
    }
    const sheet = new SheetModel(name, this.nextSheetId, () => this.timeZone);
    this.nextSheetId = this.nextSheetId === 0 ? 1_000_001 : this.nextSheetId + 7919;
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1)
      throw new ServiceError("You can't remove all the sheets in a document.");
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
  }

  /** Writes a block of rows into a sheet (created if missing) as a person typing would. */
  seed(
    sheetName: string,
    rows: readonly (readonly unknown[])[],
    options: SeedOptions = {},
  ): SheetModel {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const ref = parseA1(options.at ?? 'A1');
    const row = ref.startRow ?? 1;
    const column = ref.startColumn ?? 1;
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return sheet;
    sheet.maxRows = Math.max(sheet.maxRows, row + rows.length - 1);
    sheet.maxColumns = Math.max(sheet.maxColumns, column + width - 1);
    const padded = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
    const box = { row, column, numRows: rows.length, numColumns: width };
    if (options.raw) {
      padded.forEach((line, i) =>
        line.forEach((value, j) => {
          sheet.ensureCell(row + i, column + j).value = (value ?? '') as CellValue;
        }),
      );
    } else {
      sheet.write(box, padded);
    }
    return sheet;
  }

  /** Every value of a sheet's data range, for assertions. */
  values(sheetName: string, a1?: string): CellValue[][] {
    const sheet = this.requireSheet(sheetName);
    const box = a1
      ? resolveA1(parseA1(a1), sheet.maxRows, sheet.maxColumns)
      : {
          row: 1,
          column: 1,
          numRows: Math.max(1, sheet.lastRow()),
          numColumns: Math.max(1, sheet.lastColumn()),
        };
    return sheet.read(box, (c) => c?.value ?? '');
  }

  formulas(sheetName: string, a1: string): string[][] {
    const sheet = this.requireSheet(sheetName);
    return sheet.read(
      resolveA1(parseA1(a1), sheet.maxRows, sheet.maxColumns),
      (c) => c?.formula ?? '',
    );
  }
}
