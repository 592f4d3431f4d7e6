import { describe, expect, it } from 'vitest';
import { httpRequestOf, httpResultOf } from './http-call.ts';
import { pathFields } from './http-binding.ts';
import {
  httpErrorStatusOf,
  httpSuccessOf,
  matchesIfNoneMatch,
  operationRequestOf,
  type HttpRequestParts,
} from './http-serve.ts';
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationDef,
  type OperationName,
} from './operations.ts';

const ID = '00000000-0000-4000-8000-000000000001';

/** What a server reads from the request a client planned (as Express would parse it). */
function received(
  plan: ReturnType<typeof httpRequestOf>,
  params: Record<string, string>,
  headers: Record<string, string> = {},
): HttpRequestParts {
  const url = new URL(plan.url, 'http://x');
  return {
    params,
    query: Object.fromEntries(url.searchParams),
    body: plan.body === undefined ? undefined : JSON.parse(plan.body),
    header: (name) => headers[name.toLowerCase()],
  };
}

describe('http-binding', () => {
  describe('the catalogue', () => {
    it.each(OPERATION_NAMES)(
      '%s: its path, fields and headers name fields of its input',
      (name) => {
        const op = OPERATIONS[name] as OperationDef;
        const shape = (op.input as unknown as { shape: Record<string, unknown> }).shape;
        for (const field of pathFields(op.http.path)) expect(shape).toHaveProperty(field);
        if (op.http.ifMatch) expect(shape).toHaveProperty(op.http.ifMatch);
        const readsQuery = op.http.method === 'GET' || op.http.method === 'DELETE';
        expect(op.http.fields).toBe(readsQuery ? 'query' : 'body');
        if (op.http.status === 201) expect(op.http.location).toBeTypeOf('function');
        if (op.http.status === 204) expect(op.http.noContent).toBeTypeOf('function');
      },
    );

    it('has one operation per method and path', () => {
      const routes = OPERATION_NAMES.map(
        (n) => `${OPERATIONS[n].http.method} ${OPERATIONS[n].http.path}`,
      );
      expect(new Set(routes).size).toBe(routes.length);
    });
  });

  describe('httpRequestOf', () => {
    it('puts path fields in the path, a GET’s rest in the query and a write’s in the body', () => {
      expect(httpRequestOf('createTask', { title: 'Pay rent', priority: 5 })).toEqual({
        method: 'POST',
        url: '/api/tasks',
        body: '{"title":"Pay rent","priority":5}',
      });
      expect(
        httpRequestOf('listTasks', {
          status: 'all',
          q: "rent & bills (John's)",
          limit: 5,
          tag: undefined,
        }),
      ).toEqual({
        method: 'GET',
        url: '/api/tasks?status=all&q=rent+%26+bills+%28John%27s%29&limit=5',
      });
      expect(httpRequestOf('snoozeTask', { id: ID, duration: '1h' })).toEqual({
        method: 'POST',
        url: `/api/tasks/${ID}/snooze`,
        body: '{"duration":"1h"}',
      });
      expect(httpRequestOf('deleteTask', { id: 'a/b' })).toEqual({
        method: 'DELETE',
        url: '/api/tasks/a%2Fb',
      });
    });

    const samples: [OperationName, Record<string, unknown>, Record<string, string>][] = [
      ['createTask', { title: 'x', tags: ['a'], due: '2026-12-01' }, {}],
      ['listTasks', { status: 'open', q: 'a b', limit: '5' }, {}],
      [
        'updateTask',
        { id: ID, title: 'y', expected_updated_at: '2026-01-01T00:00:00.000Z' },
        { id: ID },
      ],
      ['completeTask', { id: ID }, { id: ID }],
      ['getDailyPlan', { date: '2026-12-01' }, {}],
    ];
    it.each(samples)(
      '%s: the server reads back exactly the input the client sent',
      (name, input, params) => {
        const parts = received(httpRequestOf(name, input), params);
        expect(operationRequestOf(name, parts)).toEqual({
          ok: true,
          data: { input, precondition: false },
        });
      },
    );
  });

  describe('operationRequestOf', () => {
    const patch = (headers: Record<string, string>, body: unknown = { title: 'y' }) =>
      operationRequestOf('updateTask', {
        params: { id: ID },
        query: {},
        body,
        header: (name) => headers[name.toLowerCase()],
      });

    it('fills the precondition from If-Match, without quotes, unless it is *', () => {
      expect(patch({ 'if-match': 'W/"2026-01-01T00:00:00.000Z"' })).toMatchObject({
        ok: true,
        data: { input: { expected_updated_at: '2026-01-01T00:00:00.000Z' }, precondition: true },
      });
      expect(patch({ 'if-match': '*' })).toMatchObject({ ok: true, data: { precondition: false } });
    });

    it('takes the retry key from the header or the body, naming the field when it is unusable', () => {
      expect(patch({ 'idempotency-key': 'k-1' })).toMatchObject({
        data: { idempotencyKey: 'k-1' },
      });
      const fromBody = patch({}, { title: 'y', idempotency_key: 'k-2' });
      expect(fromBody).toEqual({
        ok: true,
        data: { input: { id: ID, title: 'y' }, idempotencyKey: 'k-2', precondition: false },
      });
      expect(patch({ 'idempotency-key': 'has space' })).toMatchObject({
        ok: false,
        error: { details: [{ field: 'Idempotency-Key', rule: 'format' }] },
      });
      expect(patch({}, { title: 'y', idempotency_key: 'k'.repeat(256) })).toMatchObject({
        ok: false,
        error: { details: [{ field: 'idempotency_key', rule: 'format' }] },
      });
    });

    it('refuses a body that is not a JSON object', () => {
      expect(patch({}, ['x'])).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', details: [{ field: '', rule: 'type' }] },
      });
    });
  });

  describe('answers', () => {
    const task = { id: ID, updated_at: '2026-01-01T00:00:00.000Z' };

    it('creates with 201 and Location, a dry run with 200, deletes with 204, tasks with an ETag', () => {
      expect(httpSuccessOf('createTask', () => task)).toEqual({
        status: 201,
        location: `/api/tasks/${ID}`,
        etag: '"2026-01-01T00:00:00.000Z"',
      });
      expect(httpSuccessOf('quickAddTask', () => ({ saved: false, task }))).toEqual({
        status: 200,
      });
      expect(httpSuccessOf('deleteTask', () => ({ id: ID, deleted: true }))).toEqual({
        status: 204,
      });
      expect(
        httpSuccessOf('listTasks', () => {
          throw new Error('a list answer needs no output');
        }),
      ).toEqual({ status: 200 });
    });

    it('answers a stale If-Match 412 and every other conflict 409', () => {
      const stale = { code: 'conflict' as const, message: 'm', details: { reason: 'stale' } };
      expect(httpErrorStatusOf(stale, { precondition: true })).toBe(412);
      expect(httpErrorStatusOf(stale, { precondition: false })).toBe(409);
      expect(
        httpErrorStatusOf({ ...stale, details: { reason: 'busy' } }, { precondition: true }),
      ).toBe(409);
      expect(httpErrorStatusOf({ code: 'not_found', message: 'm' })).toBe(404);
    });

    it('matches If-None-Match by version, weak or strong, in a list or as *', () => {
      expect(matchesIfNoneMatch('W/"v1", "v2"', '"v2"')).toBe(true);
      expect(matchesIfNoneMatch('*', '"v2"')).toBe(true);
      expect(matchesIfNoneMatch('"v1"', '"v2"')).toBe(false);
      expect(matchesIfNoneMatch(undefined, '"v2"')).toBe(false);
    });

    it('reads a response back into the Result, rebuilding what a 204 does not carry', () => {
      expect(httpResultOf('deleteTask', { id: ID }, { status: 204, body: undefined })).toEqual({
        ok: true,
        data: { id: ID, deleted: true },
      });
      const error = { code: 'not_found', message: 'No task' };
      expect(httpResultOf('getTask', { id: ID }, { status: 404, body: { error } })).toEqual({
        ok: false,
        error,
      });
      expect(
        httpResultOf('getTask', { id: ID }, { status: 503, statusText: 'Busy', body: '<html>' }),
      ).toEqual({
        ok: false,
        error: { code: 'unavailable', message: 'MindFlow answered HTTP 503 Busy' },
      });
    });
  });
});
