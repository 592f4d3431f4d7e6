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
  const openApi = (req: Request): OpenApiDocument =>
    generateOpenApi({ style: 'rest', serverUrl: serverUrl(req), version: deps.version });

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
