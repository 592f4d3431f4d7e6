export type { MindFlowClient, SidebarContext } from './mindflow-client.ts';
export { appsScriptClient, type GoogleScriptRun } from './apps-script-client.ts';
export { httpClient, type HttpClientOptions } from './http-client.ts';
export { memoryClient } from './memory-client.ts';
export type { ChatAnswer, ChatClient, ChatStreamHandlers } from './chat-client.ts';
export { appsScriptChatClient, type ChatScriptRun } from './apps-script-chat-client.ts';
export { httpChatClient, type HttpChatOptions } from './http-chat-client.ts';
export { memoryChatClient } from './memory-chat-client.ts';
export { scriptClient, type ScriptClient, type ScriptRun } from './script-client.ts';
