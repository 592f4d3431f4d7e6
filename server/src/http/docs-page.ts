import type { OpenApiDocument } from '@mindflow/shared';

// /docs renders the OpenAPI document as one self-contained HTML page: no CDN script (the
// server may run offline, and helmet's CSP forbids foreign scripts), no client-side code.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface OperationDoc {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
}

export function docsPage(doc: OpenApiDocument): string {
  const info = doc.info as { title?: string; version?: string; description?: string };
  const servers = (doc.servers as { url: string }[] | undefined) ?? [];
  const sections: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const op = raw as OperationDoc;
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<li><code>${escapeHtml(p.name)}</code> <small>${p.in}${p.required ? ', required' : ''}</small> ${escapeHtml(p.description ?? '')}</li>`,
        )
        .join('');
      const body = op.requestBody?.content?.['application/json']?.schema;
      sections.push(`<section id="${escapeHtml(op.operationId ?? path)}">
<h2><span class="m ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(op.summary ?? '')}</h2>
<p>${escapeHtml(op.description ?? '')}</p>
${params ? `<ul>${params}</ul>` : ''}
${body ? `<details><summary>JSON body</summary><pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre></details>` : ''}
</section>`);
    }
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(info.title ?? 'API')} API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
section{border-top:1px solid #ddd;padding:.5rem 0}h2{font-size:1.05rem}
.m{display:inline-block;min-width:4.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
.get{background:#2a7}.post{background:#27c}.patch{background:#c82}.delete{background:#c33}
pre{background:#f6f6f6;padding:.5rem;overflow:auto}
</style></head><body>
<h1>${escapeHtml(info.title ?? 'API')} <small>${escapeHtml(info.version ?? '')}</small></h1>
<p>${escapeHtml(info.description ?? '')}</p>
<p>Server: <code>${escapeHtml(servers[0]?.url ?? '')}</code> · Auth: <code>Authorization: Bearer mf_…</code> · <a href="/openapi.json">openapi.json</a></p>
${sections.join('\n')}
</body></html>`;
}
