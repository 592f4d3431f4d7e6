import { createServer, type IncomingMessage, type Server } from 'node:http';
import {
  OPERATIONS,
  OPERATION_NAMES,
  type ErrorCode,
  type OperationName,
  type TaskService,
} from '@mindflow/shared';
import { listenOnFreePort } from '@mindflow/shared/testing';

// A local stand-in for the server's REST API, generated from the catalogue the way the
// real routes are: answers with the operation's output on 2xx and {error} otherwise. It runs
// the real TaskService, so httpClient is tested against real validation and results.

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

interface Route {
  op: OperationName;
  method: string;
  pattern: RegExp;
  params: string[];
}

// Literal paths first, so GET /api/tasks/best is not read as GET /api/tasks/:id.
const ROUTES: Route[] = OPERATION_NAMES.map((op) => {
  const { method, path } = OPERATIONS[op].http;
  const params = [...path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!);
  const pattern = new RegExp(`^${path.replace(/:[a-z_]+/g, '([^/]+)')}$`);
  return { op, method, pattern, params };
}).sort((a, b) => a.params.length - b.params.length);

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
      const send = (status: number, payload: string) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(payload);
      if (canned) {
        const { status, body: raw } = canned;
        canned = null;
        return send(status, raw);
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        return send(401, JSON.stringify({ error: { code: 'unauthorized', message: 'Bad token' } }));
      }
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      if (!route)
        return send(404, JSON.stringify({ error: { code: 'not_found', message: 'No route' } }));
      const values = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
      const input: Record<string, unknown> =
        body === ''
          ? Object.fromEntries(url.searchParams)
          : (JSON.parse(body) as Record<string, unknown>);
      route.params.forEach((name, i) => (input[name] = values[i]));
      const result = await service.execute(route.op, input);
      if (result.ok)
        return send(
          route.method === 'POST' && route.params.length === 0 ? 201 : 200,
          JSON.stringify(result.data),
        );
      return send(STATUS[result.error.code], JSON.stringify({ error: result.error }));
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
