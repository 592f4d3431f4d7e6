import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';
import { parseA1 } from './a1-notation.ts';
import type { RangeApi } from './range.ts';
import { SheetApi } from './sheet.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';

export class SpreadsheetApi extends ApiObject {
  readonly [API_LABEL] = 'Spreadsheet';
  readonly #model: SpreadsheetModel;

  constructor(model: SpreadsheetModel) {
    super();
    this.#model = model;
  }

  getId(): string {
    return this.#model.id;
  }

  getUrl(): string {
    return this.#model.url();
  }

  getName(): string {
    return this.#model.name;
  }

  rename(name: string): void {
    this.#model.name = name;
  }

  getSpreadsheetTimeZone(): string {
    return this.#model.timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.#model.timeZone = timezone;
  }

  getSheets(): SheetApi[] {
    return this.#model.sheets.map((s) => new SheetApi(s, this.#model, this));
  }

  getSheetByName(name: string): SheetApi | null {
    const sheet = this.#model.sheet(name);
    return sheet ? new SheetApi(sheet, this.#model, this) : null;
  }

  getSheetById(id: number): SheetApi | null {
    const sheet = this.#model.sheets.find((s) => s.sheetId === id);
    return sheet ? new SheetApi(sheet, this.#model, this) : null;
  }

  getActiveSheet(): SheetApi {
    const sheet = this.#model.sheets.find((s) => !s.hidden) ?? this.#model.sheets[0];
    if (!sheet) throw new ServiceError('The spreadsheet has no sheets.');
    return new SheetApi(sheet, this.#model, this);
  }

  /** insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index). */
  insertSheet(nameOrIndex?: string | number, index?: number): SheetApi {
    const name = typeof nameOrIndex === 'string' ? nameOrIndex : this.#nextDefaultName();
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : (index ?? this.#model.sheets.length);
    return new SheetApi(this.#model.addSheet(name, at), this.#model, this);
  }

  deleteSheet(sheet: SheetApi): void {
    if (!(sheet instanceof SheetApi)) throw new ServiceError('Invalid argument: sheet');
    this.#model.removeSheet(SheetApi.modelOf(sheet));
  }

  /** A1 notation with an optional sheet name; without one, the first sheet. */
  getRange(a1Notation: string): RangeApi {
    const ref = parseA1(a1Notation);
    const sheet =
      ref.sheetName === null ? this.getActiveSheet() : this.getSheetByName(ref.sheetName);
    if (!sheet) throw new ServiceError('Range not found');
    return sheet.getRange(a1Notation.slice(a1Notation.lastIndexOf('!') + 1));
  }

  toast(msg: string, title?: string): void {
    this.#model.toasts.push(title ? `${title}: ${msg}` : msg);
  }

  #nextDefaultName(): string {
    let n = this.#model.sheets.length + 1;
    while (this.#model.sheet(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }
}
