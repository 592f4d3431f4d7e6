import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

// UrlFetchApp over real HTTP to a server on another thread (the script's fetch blocks this
// one, as it blocks an Apps Script execution).

const SERVER = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-seen': req.method });
    res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null, type: req.headers['content-type'] ?? null, body }));
  });
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
`;

describe('UrlFetchApp', () => {
  let worker: Worker;
  let base: string;
  beforeAll(async () => {
    worker = new Worker(SERVER, { eval: true });
    base = `http://127.0.0.1:${await new Promise<number>((resolve) => worker.once('message', resolve))}`;
  });
  afterAll(() => worker?.terminate());

  const script = (code: string, scopes: string[] | null = null) =>
    inlineBundle(
      `function go(url) { ${code} }`,
      scopes ? { manifest: { oauthScopes: scopes } } : {},
    );

  it('posts a payload with headers and answers code, text and headers', () => {
    const app = script(
      `var r = UrlFetchApp.fetch(url + '/echo', { method: 'post', contentType: 'application/json', headers: { Authorization: 'Bearer k' }, payload: '{"a":1}' });
       return [r.getResponseCode(), r.getContentText(), r.getHeaders()['x-seen']];`,
    );
    const [code, text, seen] = app.run('go', base) as [number, string, string];
    expect(code).toBe(200);
    expect(JSON.parse(text)).toEqual({
      method: 'POST',
      auth: 'Bearer k',
      type: 'application/json',
      body: '{"a":1}',
    });
    expect(seen).toBe('POST');
    expect(app.emulator.urlFetch.requests).toHaveLength(1);
    // fetch and the three calls on the HTTPResponse it handed out.
    expect(app.emulator.calls.UrlFetchApp).toBe(4);
  });

  it('throws for a 404 unless muteHttpExceptions, and after its deadline', () => {
    const app = script(
      `try { UrlFetchApp.fetch(url + '/missing'); return 'no throw'; } catch (e) { return e.message; }`,
    );
    expect(app.run('go', base)).toMatch(/^Request failed for .*\/missing returned code 404/);
    const muted = script(
      `return UrlFetchApp.fetch(url + '/missing', { muteHttpExceptions: true }).getResponseCode();`,
    );
    expect(muted.run('go', base)).toBe(404);
    const slow = script(
      `try { UrlFetchApp.fetch(url + '/slow'); } catch (e) { return e.message; }`,
    );
    slow.emulator.urlFetch.timeoutMs = 300;
    expect(slow.run('go', base)).toBe(`Timeout: ${base}/slow`);
  });

  it('needs the script.external_request scope when the manifest lists scopes', () => {
    const app = script(`return UrlFetchApp.fetch(url + '/echo').getResponseCode();`, [
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(() => app.run('go', base)).toThrow(/script\.external_request/);
  });
});
