import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  HTTP_STATUS_BY_CODE,
  OPERATION_NAMES,
  OPERATIONS,
  httpErrorStatusOf,
  httpSuccessOf,
  operationRequestOf,
  pathFields,
  routeOrder,
  type OperationName,
  type TaskService,
} from '@mindflow/shared';
import { listenOnFreePort } from '@mindflow/shared/testing';

// A local stand-in for the server's REST API, answering from the catalogue's HTTP bindings
// through the same shared helpers the real routes use (statuses, Location, 204s, errors).
// It runs the real TaskService, so httpClient is tested against real validation and results.

interface Route {
  op: OperationName;
  method: string;
  pattern: RegExp;
  params: string[];
}

// Literal paths first, so GET /api/tasks/best is not read as GET /api/tasks/:id.
const ROUTES: Route[] = OPERATION_NAMES.map((op) => ({ op, ...OPERATIONS[op].http }))
  .sort(routeOrder)
  .map(({ op, method, path }) => ({
    op,
    method,
    pattern: new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}$`),
    params: pathFields(path),
  }));

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

export interface RestStandIn {
  url: string;
  requests: RecordedRequest[];
  /** Answer the next request with this raw status and body instead of routing it. */
  answerNextWith(status: number, body: string): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

const json = (value: unknown) => JSON.stringify(value);

async function answer(
  service: TaskService,
  req: IncomingMessage,
  body: string,
): Promise<{ status: number; payload: string; headers?: Record<string, string> }> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
  if (!route)
    return { status: 404, payload: json({ error: { code: 'not_found', message: 'No route' } }) };
  const values = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
  const request = operationRequestOf(route.op, {
    params: Object.fromEntries(route.params.map((name, i) => [name, values[i]])),
    query: Object.fromEntries(url.searchParams),
    body: body === '' ? undefined : (JSON.parse(body) as unknown),
    header: (name) => {
      const value = req.headers[name.toLowerCase()];
      return Array.isArray(value) ? value[0] : value;
    },
  });
  if (!request.ok) {
    const status = HTTP_STATUS_BY_CODE[request.error.code];
    return { status, payload: json({ error: request.error }) };
  }
  const result = await service.execute(route.op, request.data.input);
  if (!result.ok) {
    const status = httpErrorStatusOf(result.error, request.data);
    return { status, payload: json({ error: result.error }) };
  }
  const success = httpSuccessOf(route.op, () => result.data);
  return {
    status: success.status,
    payload: success.status === 204 ? '' : json(result.data),
    headers: success.location ? { location: success.location } : {},
  };
}

export async function startRestStandIn(service: TaskService, token: string): Promise<RestStandIn> {
  const requests: RecordedRequest[] = [];
  let canned: { status: number; body: string } | null = null;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body,
      });
      const send = (status: number, payload: string, headers: Record<string, string> = {}) =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(payload);
      if (canned) {
        const { status, body: raw } = canned;
        canned = null;
        return send(status, raw);
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        return send(401, json({ error: { code: 'unauthorized', message: 'Bad token' } }));
      }
      const { status, payload, headers } = await answer(service, req, body);
      send(status, payload, headers);
    })();
  });
  const port = await listenOnFreePort(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerNextWith(status, body) {
      canned = { status, body };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
