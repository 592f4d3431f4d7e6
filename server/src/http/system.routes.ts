import { Router, type Request } from 'express';
import { z } from 'zod';
import { defineRoute, generateOpenApi, type RouteDoc } from '@mindflow/shared';
import { docsPage } from './docs-page.ts';

export interface SystemRouteDeps {
  version: string;
  publicUrl: string | null;
  /** Resolves when every backend answers; rejects otherwise. */
  ping: () => Promise<void>;
  storeKind: string;
  /** Every route besides the catalogue's, for the whole API's document. */
  routeDocs: () => readonly RouteDoc[];
}

const Health = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  store: z.string(),
  database: z.enum(['ok', 'unreachable']),
});

export const SYSTEM_ROUTES = {
  health: defineRoute({
    method: 'GET',
    path: '/health',
    operationId: 'health',
    summary: 'Is the server up?',
    description: 'For load balancers and monitors: 503 when the database cannot be reached.',
    tag: 'System',
    auth: false,
    responses: {
      '200': { description: 'Up', schema: Health },
      '503': { description: 'The database is unreachable', schema: Health },
    },
  }),
  gptSchema: defineRoute({
    method: 'GET',
    path: '/openapi.json',
    operationId: 'gptSchema',
    summary: 'The Custom GPT action schema',
    description:
      'The task operations as OpenAPI 3.1 with this server’s URL and Bearer auth: paste it into a Custom GPT action.',
    tag: 'System',
    auth: false,
    responses: { '200': { description: 'OpenAPI 3.1', contentType: 'application/json' } },
  }),
  apiDocument: defineRoute({
    method: 'GET',
    path: '/docs/openapi.json',
    operationId: 'apiDocument',
    summary: 'This whole API as OpenAPI',
    description: 'Every route, its headers and its answers: what /docs renders.',
    tag: 'System',
    auth: false,
    responses: { '200': { description: 'OpenAPI 3.1', contentType: 'application/json' } },
  }),
};

const API_INTRODUCTION = `Your tasks, ranked by what to do next with the reasons why.

**Sign in**: \`POST /api/auth/register\` or \`/api/auth/login\` answers a token; send it as
\`Authorization: Bearer …\` (here: *Authorize*). \`POST /api/tokens\` makes a long-lived one.

**Answers**: creates are \`201\` with \`Location\`, deletes \`204\`. A task carries an \`ETag\`:
send it as \`If-Match\` to change the task only if nobody else did (else \`412\`), or as
\`If-None-Match\` to get \`304\` while your copy is current. Errors are
\`{"error":{"code","message","details"}}\`; \`validation_failed\` lists each field and rule.

**Retries**: send \`Idempotency-Key\` (or \`idempotency_key\` in the body) with a write; a retry
with the same key gets the first answer and writes nothing.`;

/** /health, the OpenAPI documents and /docs: public, no token. */
export function systemRoutes(deps: SystemRouteDeps): Router {
  const router = Router();
  // The documents name this server's URL: PUBLIC_URL when set (behind a proxy, whatever
  // Host a request carries), else the origin the request reached.
  const serverUrl = (req: Request) =>
    deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;

  router.get(SYSTEM_ROUTES.health.path, async (req, res) => {
    const answer = { version: deps.version, store: deps.storeKind };
    try {
      await deps.ping();
      res.json({ status: 'ok', ...answer, database: 'ok' });
    } catch (error) {
      req.log.warn({ err: error }, 'health check: database unreachable');
      res.status(503).json({ status: 'unavailable', ...answer, database: 'unreachable' });
    }
  });

  // A document differs only by the server URL: build each once, send the same JSON after.
  const made = new Map<string, string>();
  const document = (kind: 'gpt' | 'api', url: string): string => {
    const key = `${kind} ${url}`;
    let json = made.get(key);
    if (json === undefined) {
      json = JSON.stringify(
        generateOpenApi({
          style: 'rest',
          serverUrl: url,
          version: deps.version,
          ...(kind === 'api'
            ? {
                title: 'MindFlow API',
                api: { routes: deps.routeDocs(), description: API_INTRODUCTION },
              }
            : {}),
        }),
      );
      // Host headers are the caller's to choose: keep only a few.
      if (made.size >= 16) made.clear();
      made.set(key, json);
    }
    return json;
  };

  router.get(SYSTEM_ROUTES.gptSchema.path, (req, res) => {
    res.type('json').send(document('gpt', serverUrl(req)));
  });

  router.get(SYSTEM_ROUTES.apiDocument.path, (req, res) => {
    res.type('json').send(document('api', serverUrl(req)));
  });

  router.use(docsPage());
  return router;
}
