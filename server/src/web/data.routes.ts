import { Router, type Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import {
  intlTimeZone,
  TASK_FIELDS,
  writeTaskRow,
  ZonedCalendar,
  type ColumnMap,
  type Task,
  type TaskStore,
} from '@mindflow/shared';
import { mountRoute } from '../http/api-route.ts';
import { callerOf } from '../http/authenticate.ts';
import { sendError } from '../http/http-errors.ts';
import { readTasksCsv, nameUuid } from '../csv/task-csv.ts';
import { runMigration } from '../migrate/run-migration.ts';
import { readAllTasks, sheetsEndpoint, type TaskEndpoint } from '../migrate/task-endpoints.ts';
import type { SheetsConnection } from '../stores/sheets-api.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import { DATA_ROUTES } from './web.route-docs.ts';

// Import and export from the dashboard, with the migrate CLI's own code: the import is
// runMigration (upsert by id, then a per-field checksum of source against target), its
// progress streamed as NDJSON lines so the page can draw a bar; the export is the CSV
// layout that import, the add-on and `mindflow migrate csv:` all read.

export interface DataRouteDeps {
  stores: TaskStoreFactory | null;
  /** The service account that reads a Sheet shared with it; null: Sheet import is off. */
  sheets: SheetsConnection | null;
}

const COLUMNS = Object.fromEntries(TASK_FIELDS.map((f, i) => [f, i])) as ColumnMap;
function storeEndpoint(store: TaskStore, label: string): TaskEndpoint {
  return {
    label,
    readAll: () => readAllTasks(store),
    upsert: async (tasks) => {
      await store.upsertMany(tasks);
    },
    problems: () => [],
    close: async () => undefined,
  };
}

// A CSV row without created_at/updated_at columns is stamped "now" each time it is read;
// for a task the user already has with the same content, the stored stamps are kept, so a
// second import of the same file finds nothing to write.
const STAMPS = new Set(['created_at', 'updated_at']);
function keepStamps(read: Task, existing: Task | undefined): Task {
  if (!existing) return read;
  const same = TASK_FIELDS.every(
    (f) => STAMPS.has(f) || JSON.stringify(read[f]) === JSON.stringify(existing[f]),
  );
  return same
    ? { ...read, created_at: existing.created_at, updated_at: existing.updated_at }
    : { ...read, created_at: existing.created_at };
}

function csvTextEndpoint(
  text: string,
  zone: string,
  userId: string,
  existing: () => Promise<Task[]>,
): TaskEndpoint {
  const read = readTasksCsv(text, {
    calendar: new ZonedCalendar(intlTimeZone, zone),
    now: Date.now(),
    // The same row of the same upload gets the same id, so importing twice changes nothing.
    idForLine: (line) => nameUuid(`upload:${userId}:${line}:${text.length}`),
  });
  return {
    label: 'the uploaded CSV',
    readAll: async () => {
      const byId = new Map((await existing()).map((t) => [t.id, t]));
      return read.tasks.map((t) => keepStamps(t, byId.get(t.id)));
    },
    upsert: () => Promise.reject(new Error('the upload is read only')),
    problems: () => read.problems.map((p) => `line ${p.line}: ${p.messages.join('; ')}`),
    close: async () => undefined,
  };
}

const NO_STORE = 'This server cannot import or export here (no task store was given to it)';

export function dataRoutes(deps: DataRouteDeps): Router {
  const router = Router();
  const storeOf = (res: Response): TaskStore | null => {
    if (deps.stores) return deps.stores.forUser(callerOf(res));
    sendError(res, { code: 'unavailable', message: NO_STORE });
    return null;
  };

  mountRoute(router, DATA_ROUTES.exportCsv, async (_input, _req, res) => {
    const store = storeOf(res);
    if (!store) return;
    const tasks = await readAllTasks(store);
    const rows = tasks.map((t) => writeTaskRow(t, COLUMNS, TASK_FIELDS.length));
    const text = stringify([[...TASK_FIELDS], ...rows], { quoted_match: /[\r\n",]/ });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', 'attachment; filename="mindflow-tasks.csv"');
    res.type('text/csv; charset=utf-8').send(text);
  });

  mountRoute(router, DATA_ROUTES.importTasks, async ({ body }, _req, res) => {
    const caller = callerOf(res);
    const store = storeOf(res);
    if (!store) return;
    let source: TaskEndpoint;
    if (body.source === 'csv') {
      try {
        source = csvTextEndpoint(body.csv, caller.settings.time_zone, caller.user.id, () =>
          readAllTasks(store),
        );
      } catch (error) {
        return sendError(res, {
          code: 'validation_failed',
          message: `csv: ${(error as Error).message}`,
          details: [{ field: 'csv', rule: 'format', message: (error as Error).message }],
        });
      }
    } else {
      if (!deps.sheets) {
        return sendError(res, {
          code: 'unavailable',
          message:
            'This server has no Google service account, so it cannot read a Sheet; upload a CSV instead',
        });
      }
      const { openSheetsApi } = await import('../stores/sheets-api.ts');
      const { SheetsTaskStore } = await import('../stores/task-store.sheets.ts');
      source = sheetsEndpoint(
        new SheetsTaskStore(await openSheetsApi(deps.sheets), body.spreadsheet_id, body.tab),
        `sheets:${body.spreadsheet_id}#${body.tab}`,
      );
    }
    res.writeHead(200, {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    const line = (value: unknown) => res.write(`${JSON.stringify(value)}\n`);
    try {
      const report = await runMigration({
        source,
        target: storeEndpoint(store, 'your MindFlow tasks'),
        batchSize: 100,
        onProgress: (done, total) => line({ progress: { done, total } }),
      });
      line({ report });
    } catch (error) {
      line({
        error: {
          code: 'unavailable',
          message: `The import stopped: ${(error as Error).message}. Run it again: it resumes where it stopped.`,
        },
      });
    }
    res.end();
  });

  return router;
}
