import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';

// /docs is Swagger UI (swagger-ui-dist, an npm dependency) served by this server: no CDN,
// so it works offline and under helmet's CSP (script-src 'self'), which forbids inline
// scripts; hence the start-up script is a file of its own too. It renders the whole API
// (/docs/openapi.json) and lets a reader try each route with a pasted token (Authorize)
// or, signed in to the dashboard, with the session cookie (writes get its CSRF token).
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

// Signed in to the dashboard, a try-it travels with the session cookie; a write also needs
// the session's CSRF token, which the dashboard's sign-in leaves readable in the mf_csrf
// cookie and the interceptor adds. A pasted token (Authorize) sends Authorization instead,
// and the server then ignores the cookie.
const START = `function mindflowCsrf() {
  var m = /(?:^|; )mf_csrf=([^;]+)/.exec(document.cookie);
  return m ? decodeURIComponent(m[1]) : null;
}
window.ui = SwaggerUIBundle({
  url: 'docs/openapi.json',
  dom_id: '#docs',
  deepLinking: true,
  displayRequestDuration: true,
  defaultModelsExpandDepth: 0,
  persistAuthorization: false,
  requestInterceptor: function (req) {
    var csrf = mindflowCsrf();
    if (csrf && !/^(GET|HEAD)$/i.test(req.method || 'GET')) req.headers['X-CSRF-Token'] = csrf;
    req.credentials = 'same-origin';
    return req;
  },
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
