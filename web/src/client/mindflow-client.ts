import type { OperationName, OperationOutput, Result } from '@mindflow/shared';

/** What the sidebar needs to know about where it runs, fetched once at start. */
export interface SidebarContext {
  /** The Sheet's IANA zone: quick add's preview reads "tomorrow" in it, as the core does. */
  time_zone: string;
  user?: string;
  sheet_url?: string;
}

/**
 * The one way the components reach MindFlow. Each host gets its own implementation —
 * google.script.run in the Sheets sidebar, REST in the dashboard, an in-memory TaskService
 * in tests and demos — and every one is typed against this contract.
 */
export interface MindFlowClient {
  call<K extends OperationName>(
    op: K,
    input: Record<string, unknown>,
  ): Promise<Result<OperationOutput<K>>>;
  /** Rejects with an Error when the host cannot be reached. */
  context(): Promise<SidebarContext>;
}

export { appsScriptClient, type GoogleScriptRun } from './apps-script-client.ts';
export { httpClient, type HttpClientOptions } from './http-client.ts';
export { memoryClient } from './memory-client.ts';
