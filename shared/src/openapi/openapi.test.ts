import { describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
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
  });
});
