import express from 'express';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenOnFreePort } from '@mindflow/shared/testing';
import { errorHandler } from './error-handler.ts';
import { jsonBody, limitBytes } from './json-body.ts';

// jsonBody reads the common body itself and leaves the rest to express.json: to a handler
// and to a client it must be express.json. The same raw requests go to an app behind each,
// and what the handler saw (req.body) and what the client got back must be the same.

const LIMIT = '1kb';

function app(parser: express.RequestHandler) {
  const a = express();
  a.use(parser);
  a.post('/echo', (req, res) => {
    res.json({ body: req.body as unknown, has: 'body' in req });
  });
  a.use(errorHandler(LIMIT));
  return a;
}

interface Answer {
  status: number;
  body: string;
}

/** A request with exactly these headers and bytes (fetch would set its own). */
function send(
  port: number,
  headers: Record<string, string>,
  body: Buffer | string | string[],
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method: 'POST', path: '/echo', headers },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    // Several pieces: a body that reaches the server in more than one chunk.
    for (const piece of Array.isArray(body) ? body : [body]) req.write(piece);
    req.end();
  });
}

const json = (text: string, type = 'application/json') => ({
  headers: { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) },
  body: text,
});

const cases: { name: string; headers: Record<string, string>; body: Buffer | string | string[] }[] =
  [
    { name: 'an object', ...json('{"title":"Buy milk","priority":3}') },
    { name: 'an array', ...json('[1,2,{"a":null}]') },
    { name: 'non-ASCII text', ...json('{"title":"Café ☕ 𝄞 — 東京"}') },
    { name: 'charset=utf-8', ...json('{"a":1}', 'application/json; charset=utf-8') },
    { name: 'charset=UTF-8', ...json('{"a":1}', 'application/json; charset=UTF-8') },
    { name: 'upper-case type', ...json('{"a":1}', 'Application/JSON') },
    { name: 'a byte order mark', ...json('\uFEFF{"a":1}') },
    { name: 'leading white space', ...json(' \n\t{"a":1}') },
    { name: 'a bare number (strict: refused)', ...json('42') },
    { name: 'a bare string (strict: refused)', ...json('"text"') },
    { name: 'white space only', ...json('   ') },
    { name: 'broken JSON', ...json('{"title": ') },
    { name: 'an empty body', ...json('') },
    { name: 'over the limit', ...json(JSON.stringify({ pad: 'x'.repeat(2000) })) },
    { name: 'exactly the limit', ...json(JSON.stringify({ pad: 'x'.repeat(1024 - 10) })) },
    { name: 'another media type', ...json('{"a":1}', 'text/plain') },
    { name: 'a Latin-1 charset', ...json('{"a":1}', 'application/json; charset=latin1') },
    {
      name: 'invalid UTF-8 bytes',
      headers: { 'content-type': 'application/json', 'content-length': '9' },
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]),
    },
    {
      name: 'in several chunks',
      headers: { 'content-type': 'application/json', 'content-length': '21' },
      body: ['{"title":', '"split', ' body"}'],
    },
    {
      name: 'chunked, no length',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: '{"a":1}',
    },
    {
      name: 'gzip-encoded',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(gzipSync('{"a":1}').length),
      },
      body: gzipSync('{"a":1}'),
    },
  ];

describe('jsonBody', () => {
  const servers: Server[] = [];
  const ports: number[] = [];
  beforeAll(async () => {
    for (const parser of [jsonBody(LIMIT), express.json({ limit: LIMIT })]) {
      const server = createServer(app(parser));
      servers.push(server);
      ports.push(await listenOnFreePort(server));
    }
  });
  afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

  it.each(cases)('reads $name as express.json does', async ({ headers, body }) => {
    const [ours, theirs] = await Promise.all(ports.map((port) => send(port, headers, body)));
    expect(ours).toEqual(theirs);
  });

  it('answers what a client sees for each kind of body', async () => {
    const answers = await Promise.all(cases.map((c) => send(ports[0]!, c.headers, c.body)));
    const status = Object.fromEntries(cases.map((c, i) => [c.name, answers[i]!.status]));
    expect(status).toMatchObject({
      'an object': 200,
      'a bare number (strict: refused)': 400,
      'broken JSON': 400,
      'over the limit': 413,
      'exactly the limit': 200,
      'a Latin-1 charset': 400,
      'gzip-encoded': 200,
    });
    expect(JSON.parse(answers[0]!.body)).toEqual({
      body: { title: 'Buy milk', priority: 3 },
      has: true,
    });
  });

  it('reads limits as express.json does', () => {
    expect(limitBytes('100kb')).toBe(102_400);
    expect(limitBytes('1MB')).toBe(1_048_576);
    expect(limitBytes('512b')).toBe(512);
    expect(() => limitBytes('lots')).toThrow(/not a body limit/);
  });
});
