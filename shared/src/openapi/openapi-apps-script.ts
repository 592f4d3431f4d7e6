import { z } from 'zod';
import { OPERATIONS, type OperationDef, type OperationName } from '../catalogue/operations.ts';
import { resultEnvelope } from '../wire/error-envelope.ts';
import { IdempotencyKeySchema } from '../wire/idempotency-key.ts';
import { jsonSchemaOf, type JsonSchema } from './json-schema.ts';

// The add-on's web app: one /exec URL routed by ?action= (path segments after /exec break
// anonymous access), the API key as a query parameter, and always 200 with the envelope,
// since Apps Script can neither read headers nor set a status.

function queryParameters(input: JsonSchema) {
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return {
      name,
      in: 'query',
      required: required.has(name),
      schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

/** A write's body: its input, and the key that makes a retry safe. */
function withRetryKey(input: z.ZodType): z.ZodType {
  const object = input as unknown as z.ZodObject;
  const strict = object._zod.def.catchall?._zod.def.type === 'never';
  const shape = { ...object.shape, idempotency_key: IdempotencyKeySchema.optional() };
  return strict ? z.strictObject(shape) : z.object(shape);
}

function appsScriptOperation(op: OperationDef, apiKey: string) {
  const key = {
    name: 'key',
    in: 'query',
    required: true,
    description: 'The API key of this Sheet (constant).',
    schema: { type: 'string', enum: [apiKey] },
  };
  const input = jsonSchemaOf(op.input, 'input');
  const parameters = op.mutates ? [key] : [key, ...queryParameters(input)];
  const body = op.mutates ? jsonSchemaOf(withRetryKey(op.input), 'input') : null;
  return {
    operationId: op.name,
    summary: op.summary,
    description: op.description,
    parameters,
    ...(body
      ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } }
      : {}),
    responses: {
      '200': {
        description: 'Always 200: ok:true with data, or ok:false with error',
        content: {
          'application/json': { schema: jsonSchemaOf(resultEnvelope(op.output), 'output') },
        },
      },
    },
    'x-openai-isConsequential': op.destructive,
  };
}

/** One path per action, each carrying its ?action=. */
export function appsScriptPaths(
  names: readonly OperationName[],
  apiKey: string,
): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const op = OPERATIONS[name] as OperationDef;
    paths[`/exec?action=${op.name}`] = {
      [op.mutates ? 'post' : 'get']: appsScriptOperation(op, apiKey),
    };
  }
  return paths;
}
