import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** The JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a caller sends or receives. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  delete out.$schema;
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Replaces every inline copy of `shared` inside `schema` by a $ref to `ref`. */
export function extractShared(schema: unknown, shared: JsonSchema, ref: string): unknown {
  if (sameJson(schema, shared)) return { $ref: ref };
  if (Array.isArray(schema)) return schema.map((s) => extractShared(s, shared, ref));
  if (schema && typeof schema === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(schema)) out[k] = extractShared(v, shared, ref);
    return out;
  }
  return schema;
}
