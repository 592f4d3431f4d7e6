import { openApiPath } from '../catalogue/http-binding.ts';
import { OPERATION_NAMES, type OperationName } from '../catalogue/operations.ts';
import { Task } from '../task/task.schema.ts';
import { AppErrorSchema } from '../wire/error-envelope.ts';
import { appsScriptPaths } from './openapi-apps-script.ts';
import { extractShared, jsonSchemaOf, type JsonSchema } from './json-schema.ts';
import { operationRouteDocs } from './operation-route-docs.ts';
import type { HeaderDoc, ResponseDoc, RouteDoc } from './route-doc.ts';

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
  /**
   * rest: the whole API rather than the Custom GPT's operations: these routes besides the
   * catalogue's (accounts, tokens, health …), and request headers (Idempotency-Key,
   * If-Match …), which GPT Actions cannot send.
   */
  api?: {
    routes: readonly RouteDoc[];
    /** More ways to authenticate besides the Bearer token, e.g. a session cookie. */
    securitySchemes?: Record<string, JsonSchema>;
    /** The document's introduction (Markdown). */
    description?: string;
  };
}

export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, unknown>>;
};

const TASK_REF = '#/components/schemas/Task';
const ERROR_REF = '#/components/schemas/Error';

function jsonContent(schema: unknown, type = 'application/json') {
  return { [type]: { schema } };
}

function parametersOf(route: RouteDoc, withHeaders: boolean) {
  const fields = (where: 'path' | 'query', object: RouteDoc['params']) => {
    if (!object) return [];
    const schema = jsonSchemaOf(object, 'input');
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    return Object.entries(properties).map(([name, property]) => {
      const { description, ...rest } = property;
      return {
        name,
        in: where,
        required: where === 'path' || required.has(name),
        schema: rest,
        ...(typeof description === 'string' ? { description } : {}),
      };
    });
  };
  const headers = (withHeaders ? (route.headers ?? []) : []).map((h: HeaderDoc) => ({
    name: h.name,
    in: 'header',
    required: false,
    description: h.description,
    schema: h.schema,
  }));
  return [...fields('path', route.params), ...fields('query', route.query), ...headers];
}

function responseOf(response: ResponseDoc) {
  const headers = response.headers?.length
    ? Object.fromEntries(
        response.headers.map((h) => [h.name, { description: h.description, schema: h.schema }]),
      )
    : undefined;
  const content = response.schema
    ? jsonContent(jsonSchemaOf(response.schema, 'output'))
    : response.contentType
      ? jsonContent({ type: 'string' }, response.contentType)
      : undefined;
  return {
    description: response.description,
    ...(headers ? { headers } : {}),
    ...(content ? { content } : {}),
  };
}

function restOperation(route: RouteDoc, withHeaders: boolean) {
  const parameters = parametersOf(route, withHeaders);
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: jsonContent(jsonSchemaOf(route.body, 'input')),
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => [status, responseOf(r)]),
    ),
    ...(route.auth ? {} : { security: [] }),
    'x-openai-isConsequential': route.consequential ?? false,
  };
}

function restPaths(routes: readonly RouteDoc[], withHeaders: boolean) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] = {
      ...paths[path],
      [route.method.toLowerCase()]: restOperation(route, withHeaders),
    };
  }
  return paths;
}

/**
 * An OpenAPI 3.1 document from the catalogue (and, for the whole API, the host's other
 * routes): for a Custom GPT action, the /docs page, or any client.
 */
export function generateOpenApi(options: OpenApiOptions): OpenApiDocument {
  const names = options.operations ?? OPERATION_NAMES;
  const rest = options.style === 'rest';
  const routes = [...operationRouteDocs(names), ...(options.api?.routes ?? [])];
  const paths = rest
    ? restPaths(routes, options.api !== undefined)
    : appsScriptPaths(names, options.apiKey ?? 'YOUR_API_KEY');
  const server = rest
    ? options.serverUrl.replace(/\/+$/, '')
    : options.serverUrl.replace(/\/exec\/?(\?.*)?$/, '');
  const taskSchema = jsonSchemaOf(Task, 'output');
  const errorSchema = jsonSchemaOf(AppErrorSchema, 'output');
  const shared = extractShared(extractShared(paths, taskSchema, TASK_REF), errorSchema, ERROR_REF);
  const schemes = {
    bearerAuth: { type: 'http', scheme: 'bearer' },
    ...options.api?.securitySchemes,
  };
  const doc: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'MindFlow',
      version: options.version ?? '1.0.0',
      description:
        options.api?.description ?? 'Your tasks, ranked by what to do next with the reasons why.',
    },
    servers: [{ url: server }],
    paths: shared as OpenApiDocument['paths'],
    components: {
      schemas: { Task: taskSchema, Error: errorSchema },
      ...(rest ? { securitySchemes: schemes } : {}),
    },
    // Any one of the schemes will do.
    ...(rest ? { security: Object.keys(schemes).map((name) => ({ [name]: [] })) } : {}),
  };
  return JSON.parse(JSON.stringify(doc)) as OpenApiDocument;
}
