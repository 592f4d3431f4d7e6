import type { OperationName, OperationOutput, Result, SidebarContext } from '@mindflow/shared';

export type { SidebarContext };

/**
 * The one way the components reach MindFlow. Each host gets its own implementation —
 * google.script.run in the Sheets sidebar, REST in the dashboard, an in-memory TaskService
 * in tests and demos — and every one is typed against this contract. The implementations
 * import this file and never the other way round (index.ts gathers them).
 */
export interface MindFlowClient {
  call<K extends OperationName>(
    op: K,
    input: Record<string, unknown>,
  ): Promise<Result<OperationOutput<K>>>;
  /** Rejects with an Error when the host cannot be reached. */
  context(): Promise<SidebarContext>;
}
