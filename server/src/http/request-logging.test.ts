import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '@mindflow/shared/testing';
import { createLogger, httpLogger } from './request-logging.ts';

// Every request leaves one completion line with its id, and every line a handler writes
// carries the same id: what an operator greps for when a user quotes an X-Request-ID.

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  },
});
const logger = createLogger({ level: 'info', format: 'json' }, sink);

let server: Server;
let url: string;
beforeAll(async () => {
  const app = express();
  app.use(httpLogger(app, logger));
  app.get('/fine', (req, res) => {
    req.log.info({ step: 'inside' }, 'handler line');
    res.json({ ok: true });
  });
  app.get('/missing', (_req, res) => res.status(404).json({}));
  app.get('/broken', (_req, res) => res.status(500).json({}));
  server = createServer(app);
  url = `http://127.0.0.1:${await listenOnFreePort(server)}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request logging', () => {
  it('writes one completion line carrying the request id, as the handler’s own lines do', async () => {
    lines.length = 0;
    const res = await fetch(`${url}/fine?x=%22quoted%22`);
    await settle();
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const completion = lines.find((l) => l.msg === 'request completed');
    expect(completion).toMatchObject({
      level: 30,
      pid: process.pid,
      request_id: id,
      req: { method: 'GET', url: '/fine?x=%22quoted%22' },
      res: { status: 200 },
    });
    expect(completion!.time).toEqual(expect.any(Number));
    expect(completion!.responseTime).toEqual(expect.any(Number));
    expect(lines.find((l) => l.msg === 'handler line')).toMatchObject({
      level: 30,
      request_id: id,
      step: 'inside',
    });
  });

  it('keeps a caller’s own id, and logs client errors as warnings and server errors as errors', async () => {
    lines.length = 0;
    await fetch(`${url}/missing`, { headers: { 'x-request-id': 'trace-7' } });
    await fetch(`${url}/broken`);
    await settle();
    expect(lines.map((l) => [l.level, (l.res as { status: number }).status])).toEqual([
      [40, 404],
      [50, 500],
    ]);
    expect(lines[0]!.request_id).toBe('trace-7');
  });

  it('writes the line pino itself would write for the same fields', async () => {
    lines.length = 0;
    await fetch(`${url}/missing?q=caf%C3%A9`, { headers: { 'x-request-id': 'same-1' } });
    await settle();
    const ours = lines.pop()!;
    logger.warn(
      {
        request_id: 'same-1',
        req: { method: 'GET', url: '/missing?q=caf%C3%A9' },
        res: { status: 404 },
        responseTime: ours.responseTime,
      },
      'request completed',
    );
    const pinos = lines.pop()!;
    expect(Object.keys(ours)).toEqual(Object.keys(pinos));
    expect({ ...ours, time: 0 }).toEqual({ ...pinos, time: 0 });
  });
});
