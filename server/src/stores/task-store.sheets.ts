import {
  intlTimeZone,
  locateColumns,
  readTaskRow,
  StoreUnavailableError,
  type Task,
  TASK_FIELDS,
  writeTaskRow,
  ZonedCalendar,
  applyListQuery,
  type Cell,
  type ColumnMap,
  type TaskListQuery,
  type TaskStore,
} from '@mindflow/shared';
import { randomUUID } from 'node:crypto';
import { columnLetter, quoteSheet, type SheetsApi } from './sheets-api.ts';
import type { TaskStoreFactory } from './task-store-factory.ts';
import { SerialQueue } from './serial-queue.ts';
import { exactTask } from './exact-row.ts';

// Tasks in a Google Sheet through the Sheets v4 REST API, in the add-on's column layout
// (locateColumns / writeTaskRow): header names find the columns, people may add their own.
// Values are written RAW so "=SUM(A1)", "0042" and "TRUE" stay text. The API has no
// compare-and-swap, so writes to one tab are serialised in this process; a person editing
// the Sheet at the same moment is the one race left (as in the add-on).

interface Loaded {
  columns: ColumnMap;
  width: number;
  rows: { row: number; task: Task; cells: Cell[] }[];
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const status =
      (error as { status?: number; code?: number | string }).status ??
      Number((error as { code?: unknown }).code);
    if (!Number.isFinite(status) || status === 429 || status >= 500) {
      throw new StoreUnavailableError('Google Sheets is unreachable', { cause: error });
    }
    throw error;
  }
}

export class SheetsTaskStore implements TaskStore {
  private readonly api: SheetsApi;
  private readonly spreadsheetId: string;
  private readonly tab: string;
  private readonly queue: SerialQueue;
  private readonly clock: () => number;

  constructor(
    api: SheetsApi,
    spreadsheetId: string,
    tab: string,
    queue = new SerialQueue(),
    clock: () => number = Date.now,
  ) {
    this.api = api;
    this.spreadsheetId = spreadsheetId;
    this.tab = tab;
    this.queue = queue;
    this.clock = clock;
  }

  private async meta(): Promise<{ sheetId: number | null; timeZone: string }> {
    const res = await call(() =>
      this.api.spreadsheets.get({
        spreadsheetId: this.spreadsheetId,
        fields: 'properties.timeZone,sheets.properties',
      }),
    );
    const sheet = res.data.sheets?.find((s) => s.properties?.title === this.tab);
    return {
      sheetId: sheet?.properties?.sheetId ?? null,
      timeZone: res.data.properties?.timeZone ?? 'UTC',
    };
  }

  /** Creates the tab with the header row when it is missing. */
  private async ensureTab(): Promise<string> {
    const { sheetId, timeZone } = await this.meta();
    if (sheetId !== null) return timeZone;
    await call(() =>
      this.api.spreadsheets.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: { requests: [{ addSheet: { properties: { title: this.tab } } }] },
      }),
    );
    await call(() =>
      this.api.spreadsheets.values.update({
        spreadsheetId: this.spreadsheetId,
        range: `${quoteSheet(this.tab)}!A1`,
        valueInputOption: 'RAW',
        requestBody: { values: [[...TASK_FIELDS]] },
      }),
    );
    return timeZone;
  }

  private async load(): Promise<Loaded> {
    const timeZone = await this.ensureTab();
    const res = await call(() =>
      this.api.spreadsheets.values.get({
        spreadsheetId: this.spreadsheetId,
        range: quoteSheet(this.tab),
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }),
    );
    const values = (res.data.values ?? []) as Cell[][];
    const lookup = locateColumns(values[0] ?? []);
    if (!lookup.ok)
      throw new Error(`the ${this.tab} sheet has no ${lookup.missing.join(', ')} column`);
    const ctx = {
      calendar: new ZonedCalendar(intlTimeZone, timeZone),
      now: this.clock(),
      newId: randomUUID,
    };
    const rows: Loaded['rows'] = [];
    const repairs: { row: number; task: Task; cells: Cell[] }[] = [];
    values.slice(1).forEach((cells, i) => {
      const row = i + 2;
      const exact = exactTask(cells, lookup.columns);
      if (exact) return void rows.push({ row, task: exact, cells });
      const read = readTaskRow(cells, lookup.columns, ctx);
      if (read.kind !== 'task') return;
      rows.push({ row, task: read.task, cells });
      // A hand-typed row got an id: write it back, or it would get a new one each read.
      if (read.touched) repairs.push({ row, task: read.task, cells });
    });
    if (repairs.length > 0) await this.writeRows(repairs, lookup.columns, lookup.width);
    return { columns: lookup.columns, width: lookup.width, rows };
  }

  private async writeRows(
    rows: { row: number; task: Task; cells: Cell[] }[],
    columns: ColumnMap,
    width: number,
  ) {
    await call(() =>
      this.api.spreadsheets.values.batchUpdate({
        spreadsheetId: this.spreadsheetId,
        requestBody: {
          valueInputOption: 'RAW',
          data: rows.map((r) => ({
            range: `${quoteSheet(this.tab)}!A${r.row}:${columnLetter(width)}${r.row}`,
            values: [writeTaskRow(r.task, columns, width, r.cells) as (string | number)[]],
          })),
        },
      }),
    );
  }

  private async append(tasks: readonly Task[], loaded: Loaded): Promise<void> {
    if (tasks.length === 0) return;
    await call(() =>
      this.api.spreadsheets.values.append({
        spreadsheetId: this.spreadsheetId,
        range: `${quoteSheet(this.tab)}!A1`,
        valueInputOption: 'RAW',
        insertDataOption: 'INSERT_ROWS',
        requestBody: {
          values: tasks.map(
            (t) => writeTaskRow(t, loaded.columns, loaded.width) as (string | number)[],
          ),
        },
      }),
    );
  }

  get(id: string): Promise<Task | null> {
    return this.queue.run(
      async () => (await this.load()).rows.find((r) => r.task.id === id)?.task ?? null,
    );
  }

  list(query: TaskListQuery): Promise<Task[]> {
    return this.queue.run(async () =>
      applyListQuery(
        (await this.load()).rows.map((r) => r.task),
        query,
      ),
    );
  }

  listActive(): Promise<Task[]> {
    return this.queue.run(async () =>
      (await this.load()).rows.map((r) => r.task).filter((t) => t.status !== 'completed'),
    );
  }

  insert(task: Task): Promise<'ok' | 'conflict'> {
    return this.queue.run(async () => {
      const loaded = await this.load();
      if (loaded.rows.some((r) => r.task.id === task.id)) return 'conflict';
      await this.append([task], loaded);
      return 'ok';
    });
  }

  update(task: Task, expectedUpdatedAt: string): Promise<'ok' | 'not_found' | 'conflict'> {
    return this.queue.run(async () => {
      const loaded = await this.load();
      const found = loaded.rows.find((r) => r.task.id === task.id);
      if (!found) return 'not_found';
      if (found.task.updated_at !== expectedUpdatedAt) return 'conflict';
      await this.writeRows([{ ...found, task }], loaded.columns, loaded.width);
      return 'ok';
    });
  }

  delete(id: string): Promise<boolean> {
    return this.queue.run(async () => {
      const loaded = await this.load();
      const found = loaded.rows.find((r) => r.task.id === id);
      if (!found) return false;
      const { sheetId } = await this.meta();
      await call(() =>
        this.api.spreadsheets.batchUpdate({
          spreadsheetId: this.spreadsheetId,
          requestBody: {
            requests: [
              {
                deleteDimension: {
                  range: {
                    sheetId,
                    dimension: 'ROWS',
                    startIndex: found.row - 1,
                    endIndex: found.row,
                  },
                },
              },
            ],
          },
        }),
      );
      return true;
    });
  }

  upsertMany(tasks: readonly Task[]): Promise<void> {
    return this.queue.run(async () => {
      const loaded = await this.load();
      const byId = new Map(loaded.rows.map((r) => [r.task.id, r]));
      const replace: Loaded['rows'] = [];
      const fresh = new Map<string, Task>();
      for (const t of tasks) {
        const existing = byId.get(t.id);
        if (existing) replace.push({ ...existing, task: t });
        else fresh.set(t.id, t);
      }
      if (replace.length > 0) await this.writeRows(replace, loaded.columns, loaded.width);
      await this.append([...fresh.values()], loaded);
    });
  }

  ping(): Promise<void> {
    return this.meta().then(() => undefined);
  }
}

/** Each user's tasks on their own tab of one spreadsheet; writes to a tab are serialised. */
export function sheetsTaskStores(api: SheetsApi, spreadsheetId: string): TaskStoreFactory {
  const queues = new Map<string, SerialQueue>();
  const queueFor = (tab: string) => {
    let q = queues.get(tab);
    if (!q) queues.set(tab, (q = new SerialQueue()));
    return q;
  };
  return {
    kind: 'sheets',
    revisioned: false,
    forUser: (caller) => {
      const tab = `Tasks-${caller.user.id}`;
      return new SheetsTaskStore(api, spreadsheetId, tab, queueFor(tab));
    },
    ping: () => new SheetsTaskStore(api, spreadsheetId, 'Tasks').ping(),
  };
}
