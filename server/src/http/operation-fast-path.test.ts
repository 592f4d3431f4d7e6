import { describe, expect, it } from 'vitest';
import type { Request, Response } from 'express';
import { api } from '../../test-support/http-client.ts';
import { serverWithUser } from '../../test-support/test-server.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { operationFastPath } from './operation-routes.ts';

// The task routes are found by one table lookup ahead of Express's routers. A client must
// not be able to tell: the same paths match, the same guard runs, and what the table does
// not hold still reaches the routers.

describe('the task routes’ lookup', () => {
  const ctx = serverWithUser();

  it('matches as Express does: any letter case, one trailing slash, decoded ids', async () => {
    const made = await api(`${ctx.server.url}/api/tasks`, {
      token: ctx.token,
      body: { title: 'Found' },
    });
    const id = made.body.id as string;
    const plain = await api(`${ctx.server.url}/api/tasks/${id}`, { token: ctx.token });
    expect(plain.status).toBe(200);
    for (const path of [
      `/API/Tasks/${id}`,
      `/api/tasks/${id}/`,
      `/api/tasks/${encodeURIComponent(id)}`,
    ]) {
      const res = await api(`${ctx.server.url}${path}`, { token: ctx.token });
      expect(res.status, path).toBe(200);
      expect(res.body).toEqual(plain.body);
      expect(res.headers.get('etag')).toBe(plain.headers.get('etag'));
    }
    // Two slashes is another path, for Express too.
    expect((await api(`${ctx.server.url}/api/tasks/${id}//`, { token: ctx.token })).status).toBe(
      404,
    );
    const spaced = await api(`${ctx.server.url}/api/tasks/not%20an%20id`, { token: ctx.token });
    expect(spaced.status).toBe(400);
    expect(spaced.body.error.details[0].field).toBe('id');
  });

  it('reads /api/tasks/best as best, not as a task id', async () => {
    const best = await api(`${ctx.server.url}/api/tasks/best`, { token: ctx.token });
    expect(best.status).toBe(200);
    expect(best.body.task.title).toBe('Found');
  });

  it('runs the API’s guard: no token is 401, a session cookie without its CSRF check is 403', async () => {
    const bare = await api(`${ctx.server.url}/api/tasks`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe('Bearer');
    const limited = await api(`${ctx.server.url}/api/tasks`, { token: ctx.token });
    expect(limited.headers.get('ratelimit-policy')).toMatch(/;w=60$/);
    const forged = await api(`${ctx.server.url}/api/tasks`, {
      body: { title: 'forged' },
      headers: { cookie: `mf_session=${ctx.token}`, origin: 'https://evil.example.com' },
    });
    expect(forged.status).toBe(403);
  });

  it('leaves HEAD to the routers, which answer it as a GET without a body', async () => {
    const made = await api(`${ctx.server.url}/api/tasks`, {
      token: ctx.token,
      body: { title: 'Headed' },
    });
    const res = await fetch(`${ctx.server.url}/api/tasks/${made.body.id}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${ctx.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBeTruthy();
    expect(await res.text()).toBe('');
  });
});

describe('operationFastPath', () => {
  const executor = {} as OperationExecutor; // never reached: these requests fall through
  const passes = (
    middleware: ReturnType<typeof operationFastPath>,
    method: string,
    path: string,
  ) => {
    let passed = false;
    middleware({ method, path } as Request, {} as Response, () => (passed = true));
    return passed;
  };

  it('leaves an operation route to the routers when another documented route may shadow it', () => {
    const fast = operationFastPath(executor, {
      guard: [],
      others: [{ method: 'GET', path: '/api/tasks/:id' }],
    });
    expect(passes(fast, 'GET', '/api/tasks/5b1e3c9e-0000-4000-8000-000000000000')).toBe(true);
    expect(passes(fast, 'GET', '/api/health-of-something')).toBe(true);
  });

  it('passes on every path that is not a task route', () => {
    const fast = operationFastPath(executor, { guard: [], others: [] });
    for (const [method, path] of [
      ['GET', '/health'],
      ['HEAD', '/api/tasks'],
      ['PUT', '/api/tasks'],
      ['GET', '/api/tasks/a/b/c/d'],
      ['GET', '/api/me'],
    ] as const) {
      expect(passes(fast, method, path), `${method} ${path}`).toBe(true);
    }
  });
});
