import { z } from 'zod';
import { pathFields } from '../catalogue/http-binding.ts';
import {
  OPERATION_NAMES,
  OPERATIONS,
  type OperationDef,
  type OperationName,
} from '../catalogue/operations.ts';
import { ErrorBodySchema } from '../wire/error-envelope.ts';
import { IdempotencyKeySchema } from '../wire/idempotency-key.ts';
import { jsonSchemaOf } from './json-schema.ts';
import type { HeaderDoc, ResponseDoc, RouteDoc } from './route-doc.ts';

// The documentation of each catalogue operation's route, read from its HTTP binding: the
// fields its path, query and body carry, its success status and headers, and its errors.

const TEXT = { type: 'string' };

export const ERROR_RESPONSE: ResponseDoc = {
  description: 'An error with a stable code',
  schema: ErrorBodySchema,
};

type Shape = Record<string, z.ZodType>;

function pick(shape: Shape, keep: (field: string) => boolean): Shape {
  return Object.fromEntries(Object.entries(shape).filter(([field]) => keep(field)));
}

/** Inputs are objects (a refined one still has its shape); strict ones stay strict. */
function objectParts(input: z.ZodType): { shape: Shape; strict: boolean } {
  const object = input as unknown as z.ZodObject;
  const catchall = object._zod.def.catchall;
  return { shape: object.shape as Shape, strict: catchall?._zod.def.type === 'never' };
}

function requestHeaders(op: OperationDef): HeaderDoc[] {
  const b = op.http;
  return [
    ...(op.mutates
      ? [
          {
            name: 'Idempotency-Key',
            description:
              'Resend the key of the first attempt when retrying a write: the first answer comes back and nothing is written twice (also as idempotency_key in the body).',
            schema: jsonSchemaOf(IdempotencyKeySchema, 'input'),
          },
        ]
      : []),
    ...(b.ifMatch
      ? [
          {
            name: 'If-Match',
            description: `The ETag you read: change the task only if it is still that version, else 412 (the same as ${b.ifMatch}).`,
            schema: TEXT,
          },
        ]
      : []),
    ...(b.etag && b.method === 'GET'
      ? [
          {
            name: 'If-None-Match',
            description: 'The ETag you hold: 304 without a body while it is current.',
            schema: TEXT,
          },
        ]
      : []),
  ];
}

function responses(op: OperationDef): Record<string, ResponseDoc> {
  const b = op.http;
  const headers: HeaderDoc[] = [
    ...(b.location
      ? [{ name: 'Location', description: 'Where the created task is.', schema: TEXT }]
      : []),
    ...(b.etag
      ? [
          {
            name: 'ETag',
            description: 'The task’s version: send it as If-Match (or If-None-Match on a GET).',
            schema: TEXT,
          },
        ]
      : []),
  ];
  const success: ResponseDoc =
    b.status === 204
      ? { description: 'Done; no body' }
      : {
          description: b.status === 201 ? 'Created' : 'Success',
          schema: op.output,
          ...(headers.length ? { headers } : {}),
        };
  return {
    [String(b.status)]: success,
    ...(b.notCreated ? { '200': { description: b.notCreated, schema: op.output } } : {}),
    ...(b.etag && b.method === 'GET'
      ? { '304': { description: 'Not modified: the ETag sent as If-None-Match is current.' } }
      : {}),
    ...(b.ifMatch
      ? {
          '412': {
            description: 'The task changed since the ETag sent as If-Match; read it again.',
            schema: ErrorBodySchema,
          },
        }
      : {}),
    default: ERROR_RESPONSE,
  };
}

/** The route of one catalogue operation, as the API documentation describes it. */
export function operationRouteDoc(name: OperationName): RouteDoc {
  const op = OPERATIONS[name] as OperationDef;
  const b = op.http;
  const { shape, strict } = objectParts(op.input);
  const inPath = pathFields(b.path);
  const object = strict ? z.strictObject : z.object;
  const rest = pick(shape, (field) => !inPath.includes(field));
  const retry = op.mutates ? { idempotency_key: IdempotencyKeySchema.optional() } : {};
  return {
    method: b.method,
    path: b.path,
    operationId: op.name,
    summary: op.summary,
    description: op.description,
    tag: b.tag ?? 'Tasks',
    auth: true,
    ...(inPath.length ? { params: z.object(pick(shape, (f) => inPath.includes(f))) } : {}),
    ...(b.fields === 'query' && Object.keys(rest).length ? { query: z.object(rest) } : {}),
    ...(b.fields === 'body' ? { body: object({ ...rest, ...retry }) } : {}),
    headers: requestHeaders(op),
    responses: responses(op),
    consequential: op.destructive,
  };
}

export function operationRouteDocs(names: readonly OperationName[] = OPERATION_NAMES): RouteDoc[] {
  return names.map(operationRouteDoc);
}
