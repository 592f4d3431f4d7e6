import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '@mindflow/shared/testing';
import { httpChatClient } from './http-chat-client.ts';

// The web app's chat client against a stand-in that speaks POST /api/chat's SSE as the
// server sends it, cut at awkward places, and its JSON errors.

const answer = {
  conversation_id: 'c1',
  reply: 'Added “Pay rent”.',
  actions: [{ operation: 'quickAddTask', ok: true, summary: 'Added “Pay rent”', task_ids: ['t1'] }],
};

describe('httpChatClient', () => {
  let server: Server;
  let base: string;
  const seen: {
    path: string;
    accept: string | undefined;
    auth: string | undefined;
    body: string;
  }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({
          path: req.url ?? '',
          accept: req.headers.accept,
          auth: req.headers.authorization,
          body,
        });
        if (JSON.parse(body).message === 'too many') {
          res.writeHead(429, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ error: { code: 'rate_limited', message: 'Too many chat messages' } }),
          );
          return;
        }
        if (req.url === '/api/chat/confirm') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              conversation_id: 'c1',
              reply: 'Done: Deleted the task.',
              actions: [],
            }),
          );
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
        const stream =
          'event: text\ndata: {"delta":"Added "}\n\n' +
          'event: text\ndata: {"delta":"“Pay rent”."}\n\n' +
          `event: tool_result\ndata: ${JSON.stringify(answer.actions[0])}\n\n` +
          'event: pending_action\ndata: {"id":"p1","description":"Delete “X”"}\n\n' +
          `event: done\ndata: ${JSON.stringify(answer)}\n\n`;
        // Cut mid-event, as a network may.
        let at = 0;
        const step = () => {
          if (at >= stream.length) return res.end();
          res.write(stream.slice(at, at + 17));
          at += 17;
          setTimeout(step, 1);
        };
        step();
      });
    });
    base = `http://127.0.0.1:${await listenOnFreePort(server)}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('streams text, tool results and the pending action, then answers the done event', async () => {
    const deltas: string[] = [];
    const results: unknown[] = [];
    const pending: unknown[] = [];
    const client = httpChatClient(base, 'mf_token');
    const got = await client.send('add pay rent', undefined, {
      onText: (d) => deltas.push(d),
      onToolResult: (r) => results.push(r),
      onPendingAction: (p) => pending.push(p),
    });
    expect(deltas.join('')).toBe('Added “Pay rent”.');
    expect(results).toEqual(answer.actions);
    expect(pending).toEqual([{ id: 'p1', description: 'Delete “X”' }]);
    expect(got).toEqual(answer);
    expect(seen.at(-1)).toMatchObject({
      path: '/api/chat',
      accept: 'text/event-stream',
      auth: 'Bearer mf_token',
    });
  });

  it('confirms as JSON, and turns an error answer into an Error with its message', async () => {
    const client = httpChatClient(`${base}/`, 'mf_token');
    expect((await client.confirm('c1', 'p1')).reply).toBe('Done: Deleted the task.');
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ conversation_id: 'c1', action_id: 'p1' });
    await expect(client.send('too many', 'c1')).rejects.toThrow('Too many chat messages');
  });
});
