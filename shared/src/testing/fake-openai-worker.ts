import { parentPort } from 'node:worker_threads';
import { startFakeOpenAi, type FakeReply } from './fake-openai-server.ts';

// The worker behind fake-openai-thread.ts: the fake endpoint, commanded by messages.

const fake = await startFakeOpenAi();
parentPort?.on('message', (m: { id: number; command: string; value: unknown }) => {
  const reply = (value: unknown) => parentPort?.postMessage({ id: m.id, value });
  switch (m.command) {
    case 'url':
      return reply(fake.url);
    case 'script':
      fake.script(...(m.value as FakeReply[]));
      return reply(null);
    case 'whenEmpty': {
      const fixed = m.value as FakeReply | null;
      fake.whenEmpty(fixed ? () => fixed : null);
      return reply(null);
    }
    case 'requests':
      return reply(
        fake.requests.map((r) => ({ path: r.path, headers: { ...r.headers }, body: r.body })),
      );
    case 'close':
      void fake.close().then(() => reply(null));
  }
});
