import { readChatAnswer, type ChatClient } from './chat-client.ts';

// The sidebar's chat: the add-on's chat functions through google.script.run. Apps Script
// cannot stream, so the reply arrives whole (and is handed to onText once).

export interface ChatScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ChatScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ChatScriptRun;
  chat(message: string, conversationId: string | null): void;
  confirmChat(conversationId: string, actionId: string): void;
  cancelChat(conversationId: string, actionId: string): void;
}

function pageRun(): ChatScriptRun | undefined {
  return (globalThis as { google?: { script?: { run?: ChatScriptRun } } }).google?.script?.run;
}

function invoke(
  run: ChatScriptRun | undefined,
  call: (r: ChatScriptRun) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (!run) {
      reject(
        new Error('google.script.run is missing: this page is not running in the Sheets sidebar'),
      );
      return;
    }
    call(
      run
        .withSuccessHandler(resolve)
        .withFailureHandler((e) =>
          reject(
            e instanceof Error ? e : new Error(String((e as { message?: unknown })?.message ?? e)),
          ),
        ),
    );
  });
}

export function appsScriptChatClient(run?: ChatScriptRun): ChatClient {
  const runner = () => run ?? pageRun();
  return {
    async send(message, conversationId, on = {}) {
      const answer = readChatAnswer(
        await invoke(runner(), (r) => r.chat(message, conversationId ?? null)),
      );
      on.onText?.(answer.reply);
      for (const a of answer.actions) on.onToolResult?.(a);
      if (answer.pending_action) on.onPendingAction?.(answer.pending_action);
      return answer;
    },
    confirm: async (c, a) => readChatAnswer(await invoke(runner(), (r) => r.confirmChat(c, a))),
    cancel: async (c, a) => readChatAnswer(await invoke(runner(), (r) => r.cancelChat(c, a))),
  };
}
