import type { OperationName, OperationOutput, Result, TaskService } from '@mindflow/shared';
import type { MindFlowClient, SidebarContext } from './mindflow-client.ts';

/**
 * The real core in the page: a TaskService (usually on a MemoryTaskStore) answers every
 * call. Tests and demos use it instead of mocks, so the UI meets the same validation,
 * ranking and conflict rules the add-on and the server apply.
 */
export function memoryClient(
  service: TaskService,
  context: Omit<SidebarContext, 'time_zone'> = {},
): MindFlowClient {
  return {
    call<K extends OperationName>(
      op: K,
      input: Record<string, unknown>,
    ): Promise<Result<OperationOutput<K>>> {
      // Through JSON, as over the wire: nothing the UI holds is shared with the store.
      return service.execute(op, JSON.parse(JSON.stringify(input)) as unknown);
    },
    async context() {
      return { time_zone: service.calendar.zone, ...context };
    },
  };
}
