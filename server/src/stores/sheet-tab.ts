import { randomUUID } from 'node:crypto';
import {
  intlTimeZone,
  locateColumns,
  readTaskRow,
  StoreUnavailableError,
  TASK_FIELDS,
  writeTaskRow,
  ZonedCalendar,
  type Cell,
  type ColumnMap,
  type Task,
} from '@mindflow/shared';
import { columnLetter, quoteSheet, type SheetsApi } from './sheets-api.ts';

// One tab of task rows over the Sheets v4 REST API, in the add-on's column layout
// (locateColumns / writeTaskRow): header names find the columns, people may add their own.
// One values.get reads the tab, one call writes any number of rows. Values are written
// RAW, so "=SUM(A1)", "0042" and "TRUE" stay text.

export interface TaskRowAt {
  /** 1-based row number in the tab. */
  row: number;
  task: Task;
  /** The row as read, so a rewrite keeps the user's own columns. */
  cells: Cell[];
}

export interface LoadedTab {
  columns: ColumnMap;
  width: number;
  rows: TaskRowAt[];
}

/** Network failures, quota (429) and Google's 5xx become `unavailable`; the rest are bugs. */
export async function sheetsCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const e = error as { status?: number; code?: unknown };
    const status = e.status ?? Number(e.code);
    if (!Number.isFinite(status) || status === 429 || status >= 500) {
      throw new StoreUnavailableError('Google Sheets is unreachable', { cause: error });
    }
    throw error;
  }
}

export class SheetTab {
  private readonly api: SheetsApi;
  private readonly spreadsheetId: string;
  private readonly title: string;
  private readonly clock: () => number;

  constructor(api: SheetsApi, spreadsheetId: string, title: string, clock: () => number) {
    this.api = api;
    this.spreadsheetId = spreadsheetId;
    this.title = title;
    this.clock = clock;
  }

  async meta(): Promise<{ sheetId: number | null; timeZone: string }> {
    const res = await sheetsCall(() =>
      this.api.spreadsheets.get({
        spreadsheetId: this.spreadsheetId,
        fields: 'properties.timeZone,sheets.properties',
      }),
    );
    const sheet = res.data.sheets?.find((s) => s.properties?.title === this.title);
    return {
      sheetId: sheet?.properties?.sheetId ?? null,
      timeZone: res.data.properties?.timeZone ?? 'UTC',
    };
  }

  /** Creates the tab with the header row when it is missing; answers the sheet's zone. */
  private async ensure(): Promise<string> {
    const { sheetId, timeZone } = await this.meta();
    if (sheetId !== null) return timeZone;
    await sheetsCall(() =>
      this.api.spreadsheets.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: { requests: [{ addSheet: { properties: { title: this.title } } }] },
      }),
    );
    await sheetsCall(() =>
      this.api.spreadsheets.values.update({
        spreadsheetId: this.spreadsheetId,
        range: `${quoteSheet(this.title)}!A1`,
        valueInputOption: 'RAW',
        requestBody: { values: [[...TASK_FIELDS]] },
      }),
    );
    return timeZone;
  }

  /** Every task row: written rows exactly, hand-typed ones through readTaskRow. */
  async load(): Promise<LoadedTab> {
    const timeZone = await this.ensure();
    const res = await sheetsCall(() =>
      this.api.spreadsheets.values.get({
        spreadsheetId: this.spreadsheetId,
        range: quoteSheet(this.title),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }),
    );
    const values = (res.data.values ?? []) as Cell[][];
    const lookup = locateColumns(values[0] ?? []);
    if (!lookup.ok) {
      throw new Error(`the ${this.title} sheet has no ${lookup.missing.join(', ')} column`);
    }
    const calendar = new ZonedCalendar(intlTimeZone, timeZone);
    const ctx = { calendar, now: this.clock(), newId: randomUUID };
    const rows: TaskRowAt[] = [];
    const repairs: TaskRowAt[] = [];
    values.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const read = readTaskRow(cells, lookup.columns, ctx);
      if (read.kind !== 'task') return;
      rows.push({ row, task: read.task, cells });
      // A hand-typed row got an id: write it back, or it would get a new one each read.
      if (read.touched) repairs.push({ row, task: read.task, cells });
    });
    const loaded = { columns: lookup.columns, width: lookup.width, rows };
    if (repairs.length > 0) await this.rewrite(repairs, loaded);
    return loaded;
  }

  /** Rewrites rows in place, keeping the cells of columns that are not task fields. */
  async rewrite(rows: readonly TaskRowAt[], tab: LoadedTab): Promise<void> {
    await sheetsCall(() =>
      this.api.spreadsheets.values.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: {
          valueInputOption: 'RAW',
          data: rows.map((r) => ({
            range: `${quoteSheet(this.title)}!A${r.row}:${columnLetter(tab.width)}${r.row}`,
            values: [writeTaskRow(r.task, tab.columns, tab.width, r.cells) as (string | number)[]],
          })),
        },
      }),
    );
  }

  /** Appends rows after the table; the API finds the end, so concurrent appends never collide. */
  async append(tasks: readonly Task[], tab: LoadedTab): Promise<void> {
    if (tasks.length === 0) return;
    await sheetsCall(() =>
      this.api.spreadsheets.values.append({
        spreadsheetId: this.spreadsheetId,
        range: `${quoteSheet(this.title)}!A1`,
        valueInputOption: 'RAW',
        insertDataOption: 'INSERT_ROWS',
        requestBody: {
          values: tasks.map((t) => writeTaskRow(t, tab.columns, tab.width) as (string | number)[]),
        },
      }),
    );
  }

  async deleteRow(row: number): Promise<void> {
    const { sheetId } = await this.meta();
    await sheetsCall(() =>
      this.api.spreadsheets.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: {
          requests: [
            {
              deleteDimension: {
                range: { sheetId, dimension: 'ROWS', startIndex: row - 1, endIndex: row },
              },
            },
          ],
        },
      }),
    );
  }
}
