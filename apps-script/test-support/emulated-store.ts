import type { TaskStore } from '@mindflow/shared';
import type { Execution, LoadedBundle } from '@mindflow/apps-script-emulator';

type Runner = (method: string, argsJson: string) => unknown;

function proxyStore(run: Runner): TaskStore {
  const call =
    (method: string) =>
    (...args: unknown[]) =>
      JSON.parse(String(run(method, JSON.stringify(args)))) as never;
  return {
    get: call('get'),
    list: call('list'),
    listActive: call('listActive'),
    insert: call('insert'),
    update: call('update'),
    delete: call('delete'),
    upsertMany: call('upsertMany'),
  };
}

/** A TaskStore whose every call runs SheetTaskStore in a fresh emulated execution. */
export function emulatedStore(app: LoadedBundle): TaskStore {
  return proxyStore((method, args) => app.run('storeCall', method, args));
}

/** A TaskStore living in one open execution (its snapshot and lock persist between calls). */
export function storeInExecution(execution: Execution): TaskStore {
  return proxyStore((method, args) => execution.call('storeStep', method, args));
}
