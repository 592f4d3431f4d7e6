import { TaskService, type TimeZonePort } from '@mindflow/shared';
import { executed, type Execute } from './operation-executor.ts';

/** The bottom of every executor: the core's TaskService on the caller's store, in their zone. */
export function taskServiceExecute(deps: { newId: () => string; timeZone: TimeZonePort }): Execute {
  return async (call) => {
    const service = new TaskService({
      store: call.store,
      clock: () => call.now,
      newId: deps.newId,
      timeZone: deps.timeZone,
      zone: call.caller.settings.time_zone,
      onError: call.onError,
    });
    return executed(await service.execute(call.name, call.input));
  };
}
