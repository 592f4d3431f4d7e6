import { Worker } from 'node:worker_threads';
import type { FakeOpenAiRequest, FakeReply } from './fake-openai-server.ts';

// The fake OpenAI endpoint on a thread of its own, for callers that block the main thread
// while they wait for it (the emulator's UrlFetchApp is synchronous, as in Apps Script).

export interface FakeOpenAiThread {
  url: string;
  script(...replies: FakeReply[]): Promise<void>;
  /** Answer every request beyond the script with this reply. */
  whenEmpty(reply: FakeReply | null): Promise<void>;
  requests(): Promise<FakeOpenAiRequest[]>;
  close(): Promise<void>;
}

const WORKER = new URL('./fake-openai-worker.ts', import.meta.url);

export async function startFakeOpenAiThread(): Promise<FakeOpenAiThread> {
  const worker = new Worker(WORKER);
  let next = 0;
  const waiting = new Map<number, (value: unknown) => void>();
  worker.on('message', (m: { id: number; value: unknown }) => {
    waiting.get(m.id)?.(m.value);
    waiting.delete(m.id);
  });
  const ask = (command: string, value?: unknown) =>
    new Promise<unknown>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      worker.postMessage({ id, command, value });
    });
  const url = (await ask('url')) as string;
  return {
    url,
    script: async (...replies) => void (await ask('script', replies)),
    whenEmpty: async (reply) => void (await ask('whenEmpty', reply)),
    requests: async () => (await ask('requests')) as FakeOpenAiRequest[],
    close: async () => {
      await ask('close');
      await worker.terminate();
    },
  };
}
