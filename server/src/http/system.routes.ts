import { Router, type Request } from 'express';
import { generateOpenApi, type OpenApiDocument } from '@mindflow/shared';
import { docsPage } from './docs-page.ts';

export interface SystemRouteDeps {
  version: string;
  publicUrl: string | null;
  /** Resolves when every backend answers; rejects otherwise. */
  ping: () => Promise<void>;
  storeKind: string;
}

/** /health, /openapi.json and /docs: public, no token. */
export function systemRoutes(deps: SystemRouteDeps): Router {
  const router = Router();
  // The document names this server's URL: PUBLIC_URL when set (behind a proxy), else the Host.
  const serverUrl = (req: Request) =>
    deps.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  const openApi = (req: Request) =>
    withBodyIdempotencyKey(
      generateOpenApi({ style: 'rest', serverUrl: serverUrl(req), version: deps.version }),
    );

  router.get('/health', async (req, res) => {
    try {
      await deps.ping();
      res.json({ status: 'ok', version: deps.version, store: deps.storeKind, database: 'ok' });
    } catch (error) {
      req.log.warn({ err: error }, 'health check: database unreachable');
      res.status(503).json({
        status: 'unavailable',
        version: deps.version,
        store: deps.storeKind,
        database: 'unreachable',
      });
    }
  });

  router.get('/openapi.json', (req, res) => {
    res.json(openApi(req));
  });

  router.get('/docs', (req, res) => {
    res.type('html').send(docsPage(openApi(req)));
  });

  return router;
}

/**
 * GPT Actions cannot set headers, so writes also take their retry key in the body. The core's
 * generator offers that field in its Apps Script style only; until its REST style does, the
 * server adds it to every JSON body of a write here.
 */
function withBodyIdempotencyKey(doc: OpenApiDocument): OpenApiDocument {
  for (const methods of Object.values(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const schema = (op as { requestBody?: { content?: Record<string, { schema?: JsonObject }> } })
        .requestBody?.content?.['application/json']?.schema;
      if (method === 'get' || !schema || typeof schema.properties !== 'object') continue;
      schema.properties = {
        ...(schema.properties as JsonObject),
        idempotency_key: {
          type: 'string',
          maxLength: 200,
          description:
            'A fresh random value per intended change; resend the same one when retrying it.',
        },
      };
    }
  }
  return doc;
}

type JsonObject = Record<string, unknown>;
