import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { OPERATION_NAMES, OPERATIONS } from '@mindflow/shared';
import { mcpHttpClient, resultOfToolCall } from '../../test-support/mcp-transport.ts';
import { pkcePair, postForm, rawRequest, registerClient } from '../../test-support/oauth-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// /mcp as an assistant meets it through the official client: the catalogue as tools with
// their schemas and hints, typed errors as isError results, the caller's own tasks only,
// what a read-only connection may not do, the plan prompt and resource, and retries.

describe('MCP server over Streamable HTTP', () => {
  let s: TestServer;
  let token: string;
  let client: Client;
  const call = async (
    name: string,
    args: Record<string, unknown>,
    meta?: Record<string, unknown>,
  ) =>
    resultOfToolCall(
      (await client.callTool({
        name,
        arguments: args,
        ...(meta ? { _meta: meta } : {}),
      })) as CallToolResult,
    );

  beforeAll(async () => {
    s = await startTestServer();
    token = (await s.register({ time_zone: 'Europe/Berlin' })).token;
    client = await mcpHttpClient(s.url, token);
  });
  afterAll(async () => {
    await client.close();
    await s.close();
  });

  it('speaks the protocol versions assistants use', async () => {
    for (const version of ['2025-06-18', '2025-11-25']) {
      const res = await fetch(`${s.url}/mcp`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: {
            protocolVersion: version,
            capabilities: {},
            clientInfo: { name: 'x', version: '1' },
          },
        }),
      });
      const body = (await res.json()) as {
        result: { protocolVersion: string; serverInfo: { name: string } };
      };
      expect(body.result.protocolVersion).toBe(version);
      expect(body.result.serverInfo.name).toBe('mindflow');
    }
  });

  it('lists one tool per catalogue operation, with schemas and hints from the catalogue', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([...OPERATION_NAMES]);
    for (const tool of tools) {
      const op = OPERATIONS[tool.name as keyof typeof OPERATIONS];
      expect(tool.description).toBe(op.description);
      expect(tool.title).toBe(op.summary);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
      expect(tool.annotations).toMatchObject({
        readOnlyHint: !op.mutates,
        destructiveHint: op.destructive,
        idempotentHint: op.idempotent,
        openWorldHint: false,
      });
    }
    expect(tools.find((t) => t.name === 'deleteTask')?.annotations?.destructiveHint).toBe(true);
  });

  it('answers a failed operation as an isError result naming the field, not a protocol error', async () => {
    const result = (await client.callTool({
      name: 'createTask',
      arguments: { title: '', priority: 9 },
    })) as CallToolResult;
    expect(result.isError).toBe(true);
    const failed = resultOfToolCall(result);
    expect(failed).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const text = JSON.stringify(failed);
    expect(text).toContain('title');
    expect(text).toContain('priority');
    await expect(client.callTool({ name: 'noSuchTool', arguments: {} })).rejects.toThrow(
      /noSuchTool/,
    );
  });

  it('gives an assistant only its own user’s tasks: another user’s id is not_found', async () => {
    const other = await s.register();
    const theirs = await fetch(`${s.url}/api/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Their secret' }),
    });
    const { id } = (await theirs.json()) as { id: string };
    expect(await call('getTask', { id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call('deleteTask', { id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('answers concurrent calls of different users, with the same JSON-RPC id, each as its caller', async () => {
    // The servers that answer tool calls are reused from one request to the next: each
    // call must still run as the token it came with, however calls interleave.
    const users = await Promise.all([s.register(), s.register()]);
    await Promise.all(
      users.map((u, i) =>
        fetch(`${s.url}/api/tasks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${u.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ title: `Only user ${i}'s` }),
        }),
      ),
    );
    const titles = await Promise.all(
      Array.from({ length: 30 }, async (_, n) => {
        const res = await fetch(`${s.url}/mcp`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${users[n % 2]!.token}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            'mcp-protocol-version': '2025-11-25',
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'tools/call',
            params: { name: 'listTasks', arguments: {} },
          }),
        });
        const body = (await res.json()) as {
          id: number;
          result: { structuredContent: { tasks: { title: string }[] } };
        };
        expect(body.id).toBe(1);
        return body.result.structuredContent.tasks.map((t) => t.title);
      }),
    );
    titles.forEach((seen, n) => expect(seen).toEqual([`Only user ${n % 2}'s`]));
  });

  it('replays a retried write with the same idempotency key instead of writing twice', async () => {
    const key = `mcp-retry-${Date.now()}`;
    const first = await call('createTask', { title: 'Only once' }, { idempotency_key: key });
    const again = await call('createTask', { title: 'Only once' }, { idempotency_key: key });
    expect(again).toEqual(first);
    const list = await call('listTasks', { q: 'Only once' });
    expect((list as { data: { tasks: unknown[] } }).data.tasks).toHaveLength(1);
    expect(
      await call('createTask', { title: 'x' }, { idempotency_key: 'has space' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', message: expect.stringContaining('idempotency_key') },
    });
  });

  it('offers a plan_my_day prompt and today’s plan as a resource', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name)).toEqual(['plan_my_day']);
    const prompt = await client.getPrompt({
      name: 'plan_my_day',
      arguments: { date: '2026-12-07' },
    });
    const message = prompt.messages[0]!.content;
    expect(message.type === 'text' && message.text).toContain('getDailyPlan with date 2026-12-07');
    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual(['mindflow://plan/today']);
    const plan = await client.readResource({ uri: 'mindflow://plan/today' });
    const content = plan.contents[0] as { text: string; mimeType: string };
    expect(content.mimeType).toBe('application/json');
    const rest = await fetch(`${s.url}/api/plan`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(JSON.parse(content.text)).toMatchObject({
      date: ((await rest.json()) as { date: string }).date,
    });
  });

  it('lets a read-only connection read but not change tasks', async () => {
    const email = `readonly-${Date.now()}@example.com`;
    await s.register({ email });
    const redirect = 'http://127.0.0.1:9/cb';
    const reg = await registerClient(s.url, { client_name: 'Reader', redirect_uris: [redirect] });
    const { verifier, challenge } = pkcePair();
    const consent = await postForm(`${s.url}/oauth/consent`, {
      client_id: String(reg.body.client_id),
      redirect_uri: redirect,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scope: 'tasks:read',
      email,
      password: 'correct horse battery',
      decision: 'allow',
    });
    const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
    const tokens = (await (
      await postForm(`${s.url}/token`, {
        grant_type: 'authorization_code',
        client_id: String(reg.body.client_id),
        code,
        code_verifier: verifier,
        redirect_uri: redirect,
      })
    ).json()) as { access_token: string; scope: string };
    expect(tokens.scope).toBe('tasks:read');
    const reader = await mcpHttpClient(s.url, tokens.access_token);
    try {
      const read = resultOfToolCall(
        (await reader.callTool({ name: 'getBestTask', arguments: {} })) as CallToolResult,
      );
      expect(read.ok).toBe(true);
      const write = resultOfToolCall(
        (await reader.callTool({
          name: 'createTask',
          arguments: { title: 'nope' },
        })) as CallToolResult,
      );
      expect(write).toMatchObject({
        ok: false,
        error: { code: 'unauthorized', message: expect.stringContaining('tasks:write') },
      });
    } finally {
      await reader.close();
    }
  });

  it('refuses GET and DELETE on the stateless endpoint, and a request without a token', async () => {
    const get = await fetch(`${s.url}/mcp`, { headers: { authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    const none = await rawRequest(`${s.url}/mcp`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer .*resource_metadata="/);
  });
});

describe('MCP request limits', () => {
  it('counts /mcp calls against the token’s per-minute limit, like the API', async () => {
    const s = await startTestServer({ settings: { rateLimitPerMinute: 3 } });
    try {
      const { token } = await s.register();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await rawRequest(`${s.url}/mcp`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: i, method: 'ping' }),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await s.close();
    }
  });
});
