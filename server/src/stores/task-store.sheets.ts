import { applyListQuery, type Task, type TaskListQuery, type TaskStore } from '@mindflow/shared';
import { SerialQueue } from './serial-queue.ts';
import { SheetTab, type TaskRowAt } from './sheet-tab.ts';
import type { SheetsApi } from './sheets-api.ts';
import type { TaskStoreFactory } from './task-store-factory.ts';

// Tasks in a Google Sheet. The Sheets API has no compare-and-swap, so every operation on a
// tab runs alone in this process (read, check updated_at, write); a person editing the
// Sheet at the same moment is the one race left, as in the add-on.

export class SheetsTaskStore implements TaskStore {
  private readonly tab: SheetTab;
  private readonly queue: SerialQueue;

  constructor(
    api: SheetsApi,
    spreadsheetId: string,
    tabTitle: string,
    queue = new SerialQueue(),
    clock: () => number = Date.now,
  ) {
    this.tab = new SheetTab(api, spreadsheetId, tabTitle, clock);
    this.queue = queue;
  }

  private read<T>(answer: (rows: TaskRowAt[]) => T): Promise<T> {
    return this.queue.run(async () => answer((await this.tab.load()).rows));
  }

  get(id: string): Promise<Task | null> {
    return this.read((rows) => rows.find((r) => r.task.id === id)?.task ?? null);
  }

  list(query: TaskListQuery): Promise<Task[]> {
    return this.read((rows) =>
      applyListQuery(
        rows.map((r) => r.task),
        query,
      ),
    );
  }

  listActive(): Promise<Task[]> {
    return this.read((rows) => rows.map((r) => r.task).filter((t) => t.status !== 'completed'));
  }

  insert(task: Task): Promise<'ok' | 'conflict'> {
    return this.queue.run(async () => {
      const loaded = await this.tab.load();
      if (loaded.rows.some((r) => r.task.id === task.id)) return 'conflict';
      await this.tab.append([task], loaded);
      return 'ok';
    });
  }

  update(task: Task, expectedUpdatedAt: string): Promise<'ok' | 'not_found' | 'conflict'> {
    return this.queue.run(async () => {
      const loaded = await this.tab.load();
      const found = loaded.rows.find((r) => r.task.id === task.id);
      if (!found) return 'not_found';
      if (found.task.updated_at !== expectedUpdatedAt) return 'conflict';
      await this.tab.rewrite([{ ...found, task }], loaded);
      return 'ok';
    });
  }

  delete(id: string): Promise<boolean> {
    return this.queue.run(async () => {
      const found = (await this.tab.load()).rows.find((r) => r.task.id === id);
      if (!found) return false;
      await this.tab.deleteRow(found.row);
      return true;
    });
  }

  upsertMany(tasks: readonly Task[]): Promise<void> {
    return this.queue.run(async () => {
      const loaded = await this.tab.load();
      const byId = new Map(loaded.rows.map((r) => [r.task.id, r]));
      const replace: TaskRowAt[] = [];
      const fresh = new Map<string, Task>();
      for (const t of tasks) {
        const existing = byId.get(t.id);
        if (existing) replace.push({ ...existing, task: t });
        else fresh.set(t.id, t);
      }
      if (replace.length > 0) await this.tab.rewrite(replace, loaded);
      await this.tab.append([...fresh.values()], loaded);
    });
  }

  ping(): Promise<void> {
    return this.tab.meta().then(() => undefined);
  }
}

/** Each user's tasks on their own tab of one spreadsheet; operations on a tab run one at a time. */
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
