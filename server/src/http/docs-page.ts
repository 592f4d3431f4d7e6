import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

// /docs is Swagger UI (swagger-ui-dist, an npm dependency) served by this server: no CDN,
// so it works offline and under helmet's CSP (script-src 'self'), which forbids inline
// scripts; hence the start-up script is a file of its own too. It renders the whole API
// (/docs/openapi.json) and lets a reader try each route with a pasted token (Authorize);
// in a signed-in browser the session cookie travels with every try as well.
// Links are relative, so the page works behind a path prefix (PUBLIC_URL with a path).

const SWAGGER_UI_DIR = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MindFlow API</title>
<link rel="stylesheet" href="docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="docs/assets/favicon-32x32.png">
</head>
<body>
<div id="docs"></div>
<noscript><p>The API documentation needs JavaScript. The OpenAPI document itself is at
<a href="docs/openapi.json">docs/openapi.json</a>.</p></noscript>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/start.js"></script>
</body>
</html>
`;

const START = `window.ui = SwaggerUIBundle({
  url: 'docs/openapi.json',
  dom_id: '#docs',
  deepLinking: true,
  displayRequestDuration: true,
  defaultModelsExpandDepth: 0,
  persistAuthorization: false,
});
`;

/** The /docs page, its start-up script and Swagger UI's files. */
export function docsPage(): Router {
  const router = Router();
  router.get('/docs', (req, res) => {
    // Relative links need the page at /docs, not /docs/.
    if (req.path.endsWith('/')) return res.redirect(301, '../docs');
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(PAGE);
  });
  router.get('/docs/start.js', (_req, res) => {
    res.type('application/javascript').send(START);
  });
  router.use(
    '/docs/assets',
    express.static(SWAGGER_UI_DIR, { index: false, fallthrough: true, maxAge: '1d' }),
  );
  return router;
}
