import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, OPERATIONS, type HttpMethod } from '@mindflow/shared';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';
import { API_ROUTE_DOCS } from './api-route-docs.ts';

// Every route the server documents — each catalogue operation's HTTP binding and every
// RouteDoc — called with mangled paths, extreme dates and numbers, odd Unicode and broken
// bodies: the answer may refuse (4xx) but is never a 5xx. Runs are bounded (seconds).

interface Route {
  method: HttpMethod;
  path: string;
  /** The input field names the route reads, to aim values at. */
  fields: string[];
  auth: boolean;
  /** A 503 the route documents (no mailer configured, say): the one 5xx allowed, as such. */
  documented503: boolean;
}

const keysOf = (schema: unknown): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
};

const ROUTES: Route[] = [
  ...OPERATION_NAMES.map((name) => ({
    method: OPERATIONS[name].http.method,
    path: OPERATIONS[name].http.path,
    fields: keysOf(OPERATIONS[name].input),
    auth: true,
    documented503: false,
  })),
  ...API_ROUTE_DOCS.map((r) => ({
    method: r.method,
    path: r.path,
    fields: [...keysOf(r.params), ...keysOf(r.query), ...keysOf(r.body)],
    auth: r.auth,
    documented503: '503' in r.responses,
  })),
];

const extremeText = fc.oneof(
  fc.constantFrom(
    '9999-12-31',
    '10000-01-01',
    '0000-01-01',
    '1969-12-31T23:59:59Z',
    '+275760-09-13T00:00:00Z',
    '2026-02-30',
    '2026-13-01',
    '2026-11-24T25:61:00+14:00',
    'today',
    '',
    ' ',
    'null',
    '1e308',
    '-0',
    'NaN',
    'Infinity',
    '9007199254740993',
    '-1',
    '0.5',
    '\u0000',
    '\uD800',
    '\uDFFF',
    '\u202E\u0301',
    '👩‍👩‍👧‍👦'.repeat(50),
    'a'.repeat(10_000),
    '../../etc/passwd',
    "'; DROP TABLE tasks; --",
    '=HYPERLINK("http://x")',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const extremeValue = fc.oneof(
  extremeText,
  fc.constantFrom(
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    Number.MIN_VALUE,
    true,
    null,
    [],
    {},
    [null],
    { $gt: '' },
    { __proto__: { admin: true } },
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A path segment as it travels: valid, encoded odd text, or raw broken percent-encoding. */
const segment = fc.oneof(
  fc.constantFrom('%', '%ZZ', '%C0%AF', '%00', '%E0%A4%A', '%2F', '%252F', '..', '.', '%FF%FE'),
  extremeText.map((t) => {
    try {
      return encodeURIComponent(t);
    } catch {
      return '%ED%A0%80'; // a lone surrogate, as UTF-8 would carry it
    }
  }),
);

function encodeQuery(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .map(([k, v]) => {
      const text = typeof v === 'string' ? v : JSON.stringify(v);
      try {
        return `${encodeURIComponent(k)}=${encodeURIComponent(text)}`;
      } catch {
        return `${encodeURIComponent(k)}=%ED%A0%80`;
      }
    })
    .join('&');
}

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  segments: fc.array(segment, { minLength: 3, maxLength: 3 }),
  values: fc.dictionary(fc.string({ maxLength: 8 }), extremeValue, { maxKeys: 3 }),
  aimed: fc.array(extremeValue, { minLength: 6, maxLength: 6 }),
  body: fc.oneof(
    fc.constant('object'),
    fc.constantFrom('{"title":', '[]', 'null', '"x"', '\uFEFF{}', '{"a":1}{"b":2}'),
  ),
  token: fc.constantFrom('valid', 'none', 'bad'),
});

describe('fuzzing every documented route', () => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer({ calendars: null });
    token = (await s.register()).token;
    for (const title of ['one', 'two'])
      await fetch(`${s.url}/api/tasks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
  });
  afterAll(() => s.close());

  it('covers every catalogue operation and every RouteDoc', () => {
    expect(ROUTES.length).toBe(OPERATION_NAMES.length + API_ROUTE_DOCS.length);
  });

  it('never answers 5xx', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let n = 0;
        const path = r.route.path.replace(/:[a-z_]+/g, () => r.segments[n++ % 3]!);
        const fields: Record<string, unknown> = { ...r.values };
        r.route.fields.forEach((f, i) => {
          if (i < r.aimed.length) fields[f] = r.aimed[i];
        });
        const withBody = r.route.method !== 'GET' && r.route.method !== 'DELETE';
        const query = withBody ? '' : encodeQuery(fields);
        const url = `${s.url}${path}${query ? `?${query}` : ''}`;
        const headers: Record<string, string> = {};
        if (r.token === 'valid' || !r.route.auth) headers.authorization = `Bearer ${token}`;
        if (r.token === 'bad') headers.authorization = 'Bearer mf_\u00e9\u00e9';
        let body: string | undefined;
        if (withBody) {
          headers['content-type'] = 'application/json';
          body = r.body === 'object' ? JSON.stringify(fields) : r.body;
        }
        // Every answer starts within seconds; a stream (MCP's SSE, chat) is not read to its end.
        const res = await fetch(url, {
          method: r.route.method,
          headers,
          body,
          signal: AbortSignal.timeout(5_000),
        }).catch((error: unknown) => {
          failures.push(`${r.route.method} ${url} ${body ?? ''} → no answer (${String(error)})`);
          return null;
        });
        if (res === null) return false;
        let text = '';
        if (res.headers.get('content-type')?.includes('text/event-stream'))
          await res.body?.cancel();
        else text = await res.text().catch(() => '');
        // A documented 503 says so in the error envelope (code unavailable): not a crash.
        if (res.status === 503 && r.route.documented503 && /"code":"unavailable"/.test(text))
          return true;
        if (res.status >= 500)
          failures.push(`${r.route.method} ${url} ${body ?? ''} → ${res.status}`);
        return res.status < 500;
      }),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 400),
        seed: Number(process.env.FUZZ_SEED ?? 0x5eed),
        endOnFailure: true,
      },
    );
    expect(failures).toEqual([]);
  }, 60_000);
});
