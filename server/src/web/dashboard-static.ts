import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';

// The dashboard at `/`: web/'s static build (web/dist/dashboard: index.html, the entry
// script and its lazily loaded chunks), built by the server's build and start scripts.
// The page has no inline script, so it runs under helmet's CSP (script-src 'self').
// Views are addressed by the fragment (/#/tasks), so `/` is the only page and the morning
// email's link (`<PUBLIC_URL>/`) opens Today.
// Mounted as middleware, not as routes: these are files, not API routes for /docs.

export function dashboardDir(): string {
  const webDir = dirname(createRequire(import.meta.url).resolve('@mindflow/web/package.json'));
  return join(webDir, 'dist', 'dashboard');
}

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>MindFlow</title></head>
<body><h1>MindFlow</h1><p>The dashboard is not built on this server. Run
<code>npm run build</code> (or <code>npm start</code>, which builds it), then reload.
The API is at <a href="docs">/docs</a>.</p></body></html>
`;

export function dashboardStatic(dir: string = dashboardDir()): Router {
  const router = Router();
  const files = express.static(dir, { index: false, fallthrough: true, maxAge: 0 });
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/' || req.path === '/index.html') {
      const page = join(dir, 'index.html');
      res.setHeader('Cache-Control', 'no-cache');
      if (!existsSync(page)) return void res.status(503).type('html').send(NOT_BUILT);
      return res.sendFile(page);
    }
    if (req.path.startsWith('/app/')) return files(req, res, next);
    next();
  });
  return router;
}
