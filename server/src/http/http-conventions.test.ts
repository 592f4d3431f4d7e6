import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { OPERATION_NAMES, OPERATIONS, openApiPath } from '@mindflow/shared';
import { api } from '../../test-support/http-client.ts';
import { serverWithUser, startTestServer } from '../../test-support/test-server.ts';

// The HTTP conventions clients expect, as the catalogue's bindings declare them, and the
// documents that say so.

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every route mounted on the app, as "METHOD /path". */
function mountedRoutes(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map(
        (m) => `${m.toUpperCase()} ${openApiPath(layer.route!.path)}`,
      );
    }
    return layer.handle?.stack ? mountedRoutes(layer.handle.stack) : [];
  });
}

describe('http conventions', () => {
  const ctx = serverWithUser();

  it('answers a create 201 with Location, a dry run 200, and a delete 204 without a body', async () => {
    const made = await api(`${ctx.server.url}/api/tasks`, {
      token: ctx.token,
      body: { title: 'Located' },
    });
    expect(made.status).toBe(201);
    expect(made.headers.get('location')).toBe(`/api/tasks/${made.body.id}`);
    const quick = await api(`${ctx.server.url}/api/tasks/quick`, {
      token: ctx.token,
      body: { text: 'Call mum p1' },
    });
    expect(quick.status).toBe(201);
    expect(quick.headers.get('location')).toBe(`/api/tasks/${quick.body.task.id}`);
    const dry = await api(`${ctx.server.url}/api/tasks/quick`, {
      token: ctx.token,
      body: { text: 'Call dad', dry_run: true },
    });
    expect(dry.status).toBe(200);
    expect(dry.headers.get('location')).toBeNull();
    const gone = await api(made.headers.get('location')!.replace(/^/, ctx.server.url), {
      token: ctx.token,
      method: 'DELETE',
    });
    expect(gone.status).toBe(204);
    expect(gone.body).toBe('');
    expect(
      (await api(`${ctx.server.url}/api/tasks/${made.body.id}`, { token: ctx.token })).status,
    ).toBe(404);
  });

  it('gives a task an ETag and answers 304 while If-None-Match still matches', async () => {
    const made = await api(`${ctx.server.url}/api/tasks`, {
      token: ctx.token,
      body: { title: 'Cached copy' },
    });
    const url = `${ctx.server.url}/api/tasks/${made.body.id}`;
    const got = await api(url, { token: ctx.token });
    const etag = got.headers.get('etag')!;
    expect(etag).toBe(`"${made.body.updated_at}"`);
    expect(made.headers.get('etag')).toBe(etag);
    const same = await api(url, { token: ctx.token, headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(same.body).toBe('');
    await api(url, { token: ctx.token, method: 'PATCH', body: { priority: 5 } });
    const changed = await api(url, { token: ctx.token, headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.priority).toBe(5);
  });

  it('answers a stale If-Match 412, and the same stale version in the body 409', async () => {
    const made = await api(`${ctx.server.url}/api/tasks`, {
      token: ctx.token,
      body: { title: 'Versioned' },
    });
    const url = `${ctx.server.url}/api/tasks/${made.body.id}`;
    const etag = made.headers.get('etag')!;
    const patch = (body: object, headers: Record<string, string> = {}) =>
      api(url, { method: 'PATCH', token: ctx.token, body, headers });
    const first = await patch({ priority: 5 }, { 'if-match': etag });
    expect(first.status).toBe(200);
    const stale = await patch({ priority: 1 }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { reason: 'stale' } });
    const inBody = await patch({ priority: 1, expected_updated_at: made.body.updated_at });
    expect(inBody.status).toBe(409);
    const bare = await patch({ priority: 2 }, { 'if-match': first.body.updated_at });
    expect(bare.status).toBe(200);
    expect((await patch({ priority: 3 }, { 'if-match': '*' })).status).toBe(200);
  });

  it('answers best 200 with task null and why for a user with nothing open', async () => {
    const fresh = (await ctx.server.register()).token;
    const best = await api(`${ctx.server.url}/api/tasks/best`, { token: fresh });
    expect(best.status).toBe(200);
    expect(best.body).toEqual({ task: null, reason: 'Nothing open — add a task' });
  });

  it('names PUBLIC_URL in the documents whatever Host a request carries', async () => {
    const proxied = await startTestServer({ settings: { publicUrl: 'https://tasks.example.org' } });
    try {
      for (const path of ['/openapi.json', '/docs/openapi.json']) {
        const doc = await api(`${proxied.url}${path}`, { headers: { host: 'evil.example' } });
        expect(doc.body.servers).toEqual([{ url: 'https://tasks.example.org' }]);
      }
    } finally {
      await proxied.close();
    }
    expect((await api(`${ctx.server.url}/openapi.json`)).body.servers).toEqual([
      { url: ctx.server.url },
    ]);
  });

  describe('documents', () => {
    it('/openapi.json is the Custom GPT’s: the catalogue, no request headers', async () => {
      const doc = (await api(`${ctx.server.url}/openapi.json`)).body;
      const ids = Object.values(doc.paths).flatMap((item) =>
        Object.values(item as Record<string, { operationId: string }>).map((o) => o.operationId),
      );
      expect(ids.sort()).toEqual([...OPERATION_NAMES].sort());
      expect(JSON.stringify(doc)).not.toContain('"in":"header"');
    });

    it('/docs/openapi.json documents the whole API, and every mounted route is in it', async () => {
      const doc = (await api(`${ctx.server.url}/docs/openapi.json`)).body;
      const result = await validate(structuredClone(doc));
      expect(result.valid ? [] : result.errors).toEqual([]);
      const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item as object).map((m) => `${m.toUpperCase()} ${path}`),
      );
      // The documentation page and its script are not API routes.
      const mounted = mountedRoutes(
        (ctx.server.app as unknown as { router: { stack: Layer[] } }).router.stack,
      ).filter((r) => !['GET /docs', 'GET /docs/start.js'].includes(r));
      expect(documented.sort()).toEqual([...new Set(mounted)].sort());
      for (const name of OPERATION_NAMES) {
        const { method, path } = OPERATIONS[name].http;
        expect(documented).toContain(`${method} ${openApiPath(path)}`);
      }
      expect(documented).toEqual(
        expect.arrayContaining([
          'POST /api/auth/register',
          'PATCH /api/me',
          'DELETE /api/tokens/{id}',
          'GET /api/plan/email',
          'GET /health',
        ]),
      );
      const patch = doc.paths['/api/tasks/{id}'].patch;
      expect(patch.parameters.map((p: { name: string }) => p.name)).toContain('If-Match');
      expect(doc.paths['/health'].get.security).toEqual([]);
    });

    it('/docs is Swagger UI served from this server, with no script from elsewhere', async () => {
      const page = await api(`${ctx.server.url}/docs`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      const scripts = [...String(page.body).matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toEqual(['docs/assets/swagger-ui-bundle.js', 'docs/start.js']);
      expect(String(page.body)).not.toMatch(/<script>/);
      for (const asset of [...scripts, 'docs/assets/swagger-ui.css']) {
        const res = await fetch(`${ctx.server.url}/${asset}`);
        expect(res.status, asset).toBe(200);
        await res.arrayBuffer();
      }
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    });
  });
});
