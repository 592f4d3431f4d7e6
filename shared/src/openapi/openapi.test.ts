import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validate } from '@readme/openapi-parser';
import { defineRoute } from './route-doc.ts';
import { OPERATION_NAMES } from '../catalogue/operations.ts';
import { generateOpenApi, type OpenApiDocument } from './openapi.ts';

const rest = generateOpenApi({ style: 'rest', serverUrl: 'https://mindflow.example.com/' });
const gas = generateOpenApi({
  style: 'apps-script',
  serverUrl: 'https://script.google.com/macros/s/AKfyc-example/exec',
  apiKey: 'mf-key-123',
});

type Op = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { in: string; description?: string }[];
};

function operations(doc: OpenApiDocument): Op[] {
  return Object.values(doc.paths).flatMap((item) => Object.values(item) as Op[]);
}

describe('openapi', () => {
  describe('generateOpenApi', () => {
    for (const [style, doc] of [
      ['rest', rest],
      ['apps-script', gas],
    ] as const) {
      it(`${style}: passes an OpenAPI 3.1 validator`, async () => {
        const result = await validate(structuredClone(doc) as never);
        expect(result.valid ? [] : result.errors).toEqual([]);
      });
      it(`${style}: follows GPT Actions' rules`, () => {
        const ops = operations(doc);
        expect(ops.map((o) => o.operationId).sort()).toEqual([...OPERATION_NAMES].sort());
        for (const op of ops) {
          expect(op.summary!.length).toBeLessThanOrEqual(300);
          expect(op.description!.length).toBeLessThanOrEqual(300);
          for (const p of op.parameters ?? []) {
            expect(p.in, 'no custom headers').not.toBe('header');
            expect((p.description ?? '').length).toBeLessThanOrEqual(700);
          }
        }
        expect(doc.servers).toHaveLength(1);
      });
    }

    it('rest: routes ids through the path and uses Bearer auth', () => {
      expect(Object.keys(rest.paths)).toContain('/api/tasks/{id}/complete');
      expect(rest.security).toEqual([{ bearerAuth: [] }]);
      const complete = rest.paths['/api/tasks/{id}/snooze']!.post as {
        requestBody: { content: Record<string, { schema: { properties: object } }> };
      };
      expect(
        Object.keys(complete.requestBody.content['application/json']!.schema.properties),
      ).toEqual(['until', 'duration', 'idempotency_key']);
      expect((rest.servers as { url: string }[])[0]!.url).toBe('https://mindflow.example.com');
    });

    it('apps-script: one path per action, the key as a constant query parameter', () => {
      expect((gas.servers as { url: string }[])[0]!.url).toBe(
        'https://script.google.com/macros/s/AKfyc-example',
      );
      const create = gas.paths['/exec?action=createTask']!.post as {
        parameters: { name: string; schema: unknown }[];
      };
      expect(create.parameters).toEqual([
        expect.objectContaining({ name: 'key', schema: { type: 'string', enum: ['mf-key-123'] } }),
      ]);
      expect(gas.paths['/exec?action=listTasks']!.get).toBeDefined();
      const body = (
        create as unknown as {
          requestBody: { content: Record<string, { schema: { properties: object } }> };
        }
      ).requestBody.content['application/json']!.schema;
      expect(Object.keys(body.properties)).toContain('idempotency_key');
      expect(gas.security).toBeUndefined();
    });

    it('rest: says 201 + Location for creates, 204 for deletes, ETag, 304 and 412', () => {
      const ops = rest.paths as Record<string, Record<string, { responses: Record<string, any> }>>;
      const created = ops['/api/tasks']!.post!.responses['201'];
      expect(Object.keys(created.headers)).toEqual(['Location', 'ETag']);
      expect(Object.keys(ops['/api/tasks/{id}']!.delete!.responses)).toEqual(['204', 'default']);
      expect(Object.keys(ops['/api/tasks/{id}']!.get!.responses)).toEqual([
        '200',
        '304',
        'default',
      ]);
      expect(Object.keys(ops['/api/tasks/{id}']!.patch!.responses)).toEqual([
        '200',
        '412',
        'default',
      ]);
      const best = ops['/api/tasks/best']!.get!.responses['200'].content['application/json'].schema;
      expect(best.anyOf[1]).toMatchObject({ properties: { task: { type: 'null' } } });
    });

    it('rest with api: documents other routes and the request headers, and validates', async () => {
      const health = defineRoute({
        method: 'GET',
        path: '/health',
        operationId: 'health',
        summary: 'Is it up?',
        description: 'Public.',
        tag: 'System',
        auth: false,
        responses: { '200': { description: 'Up', schema: z.object({ status: z.literal('ok') }) } },
      });
      const revoke = defineRoute({
        method: 'DELETE',
        path: '/api/tokens/:id',
        operationId: 'revokeToken',
        summary: 'Revoke a token',
        description: 'It stops working at once.',
        tag: 'Accounts',
        auth: true,
        params: z.object({ id: z.string() }),
        responses: { '204': { description: 'Revoked' } },
      });
      const doc = generateOpenApi({
        style: 'rest',
        serverUrl: 'https://mindflow.example.com',
        api: {
          routes: [health, revoke],
          securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'mf_session' } },
        },
      });
      const result = await validate(structuredClone(doc) as never);
      expect(result.valid ? [] : result.errors).toEqual([]);
      expect((doc.paths['/health']!.get as { security: unknown }).security).toEqual([]);
      expect(doc.paths['/api/tokens/{id}']!.delete).toMatchObject({
        tags: ['Accounts'],
        parameters: [{ name: 'id', in: 'path', required: true }],
      });
      const patch = doc.paths['/api/tasks/{id}']!.patch as { parameters: { name: string }[] };
      expect(patch.parameters.map((p) => p.name)).toEqual(['id', 'Idempotency-Key', 'If-Match']);
      expect(doc.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    });
  });
});
