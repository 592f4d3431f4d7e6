import { OPERATIONS, type OperationDef, type OperationName } from '../catalogue/operations.ts';
import { ERROR_CODES } from '../service/result.ts';
import { Task } from '../task/task.schema.ts';
import { extractShared, jsonSchemaOf, type JsonSchema } from './json-schema.ts';

export interface OpenApiOptions {
  /** rest: the server's /api routes with Bearer auth. apps-script: one web-app URL routed by ?action=. */
  style: 'rest' | 'apps-script';
  /** rest: the server origin (https://mindflow.example.com); apps-script: the web app's /exec URL. */
  serverUrl: string;
  /** apps-script only: the API key, written in as a constant `key` query parameter. */
  apiKey?: string;
  title?: string;
  version?: string;
  operations?: readonly OperationName[];
}

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
};

const TASK_REF = '#/components/schemas/Task';
const ERROR_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', enum: [...ERROR_CODES] },
    message: { type: 'string' },
    details: {},
  },
  required: ['code', 'message'],
};

function pathParams(path: string): string[] {
  return [...path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!);
}

function queryParameters(input: JsonSchema, skip: readonly string[]) {
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  return Object.entries(properties)
    .filter(([name]) => !skip.includes(name))
    .map(([name, schema]) => {
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

function withoutProperties(input: JsonSchema, names: readonly string[]): JsonSchema {
  const properties = { ...((input.properties ?? {}) as Record<string, unknown>) };
  for (const n of names) delete properties[n];
  const required = ((input.required ?? []) as string[]).filter((r) => !names.includes(r));
  return { ...input, properties, ...(required.length ? { required } : { required: undefined }) };
}

/**
 * A GPT action cannot send headers, so a write carries its retry key in the body (the
 * server also takes an Idempotency-Key header); a repeated key gets the first result and
 * writes nothing.
 */
function withIdempotencyKey(input: JsonSchema): JsonSchema {
  const properties = (input.properties ?? {}) as Record<string, unknown>;
  return {
    ...input,
    properties: {
      ...properties,
      idempotency_key: {
        type: 'string',
        maxLength: 200,
        description:
          'A fresh random value per intended change; resend the same one when retrying it.',
      },
    },
  };
}

function jsonContent(schema: unknown) {
  return { 'application/json': { schema } };
}

function restOperation(op: OperationDef) {
  const input = jsonSchemaOf(op.input, 'input');
  const output = jsonSchemaOf(op.output, 'output');
  const inPath = pathParams(op.http.path);
  const parameters = [
    ...inPath.map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string', format: 'uuid' },
    })),
    ...(op.http.method === 'GET' || op.http.method === 'DELETE'
      ? queryParameters(input, inPath)
      : []),
  ];
  const body =
    op.http.method === 'POST' || op.http.method === 'PATCH'
      ? withoutProperties(input, inPath)
      : null;
  return {
    operationId: op.name,
    summary: op.summary,
    description: op.description,
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: jsonContent(op.mutates ? withIdempotencyKey(body) : body),
          },
        }
      : {}),
    responses: {
      '200': { description: 'Success', content: jsonContent(output) },
      default: {
        description: 'An error with a stable code',
        content: jsonContent({
          type: 'object',
          properties: { error: ERROR_SCHEMA },
          required: ['error'],
        }),
      },
    },
    'x-openai-isConsequential': op.name === 'deleteTask',
  };
}

function appsScriptOperation(op: OperationDef, apiKey: string) {
  const input = jsonSchemaOf(op.input, 'input');
  const output = jsonSchemaOf(op.output, 'output');
  const key = {
    name: 'key',
    in: 'query',
    required: true,
    description: 'The API key of this Sheet (constant).',
    schema: { type: 'string', enum: [apiKey] },
  };
  const parameters = op.mutates ? [key] : [key, ...queryParameters(input, [])];
  const envelope = {
    oneOf: [
      {
        type: 'object',
        properties: { ok: { const: true }, data: output },
        required: ['ok', 'data'],
      },
      {
        type: 'object',
        properties: { ok: { const: false }, error: ERROR_SCHEMA },
        required: ['ok', 'error'],
      },
    ],
  };
  return {
    method: op.mutates ? 'post' : 'get',
    operation: {
      operationId: op.name,
      summary: op.summary,
      description: op.description,
      parameters,
      ...(op.mutates
        ? { requestBody: { required: true, content: jsonContent(withIdempotencyKey(input)) } }
        : {}),
      responses: {
        '200': {
          description: 'Always 200: ok:true with data, or ok:false with error',
          content: jsonContent(envelope),
        },
      },
      'x-openai-isConsequential': op.name === 'deleteTask',
    },
  };
}

/** An OpenAPI 3.1 document for a Custom GPT action (or any client), from the catalogue. */
export function generateOpenApi(options: OpenApiOptions): OpenApiDocument {
  const names = options.operations ?? (Object.keys(OPERATIONS) as OperationName[]);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const op = OPERATIONS[name] as OperationDef;
    if (options.style === 'rest') {
      const path = op.http.path.replace(/:([a-z_]+)/g, '{$1}');
      paths[path] = { ...paths[path], [op.http.method.toLowerCase()]: restOperation(op) };
    } else {
      // Apps Script routes by ?action= (path segments after /exec break anonymous access),
      // so each operation gets its own path key carrying its action.
      const { method, operation } = appsScriptOperation(op, options.apiKey ?? 'YOUR_API_KEY');
      paths[`/exec?action=${op.name}`] = { [method]: operation };
    }
  }
  const server =
    options.style === 'rest'
      ? options.serverUrl.replace(/\/+$/, '')
      : options.serverUrl.replace(/\/exec\/?(\?.*)?$/, '');
  const taskSchema = jsonSchemaOf(Task, 'output');
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'MindFlow',
      version: options.version ?? '1.0.0',
      description: 'Your tasks, ranked by what to do next with the reasons why.',
    },
    servers: [{ url: server }],
    paths: extractShared(paths, taskSchema, TASK_REF) as OpenApiDocument['paths'],
    components: {
      schemas: { Task: taskSchema },
      ...(options.style === 'rest'
        ? { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } }
        : {}),
    },
    ...(options.style === 'rest' ? { security: [{ bearerAuth: [] }] } : {}),
  };
  return JSON.parse(JSON.stringify(doc)) as OpenApiDocument;
}
