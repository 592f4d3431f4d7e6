export type { MindFlowClient, SidebarContext } from './mindflow-client.ts';
export { appsScriptClient, type GoogleScriptRun } from './apps-script-client.ts';
export { httpClient, type HttpClientOptions } from './http-client.ts';
export { memoryClient } from './memory-client.ts';
export { scriptClient, type ScriptClient, type ScriptRun } from './script-client.ts';
