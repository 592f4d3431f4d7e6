import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { zodWithoutLocales } from '@mindflow/shared/build';

// Bundles the sidebar for Apps Script's HtmlService: one IIFE (HtmlService serves a single
// HTML file, so no modules and no second request), ES2020, lit and the shared core inside.
// `node build.ts` writes dist/mindflow-sidebar.js and dist/sidebar.html (the script inlined);
// the tests' globalSetup also builds the browser test fixture.

const WEB_DIR = dirname(fileURLToPath(import.meta.url));
export const DIST_DIR = join(WEB_DIR, 'dist');
export const SIDEBAR_JS = join(DIST_DIR, 'mindflow-sidebar.js');
export const SIDEBAR_HTML = join(DIST_DIR, 'sidebar.html');
export const FIXTURE_JS = join(DIST_DIR, 'test', 'fixture.js');

async function bundle(entry: string, minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [join(WEB_DIR, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    write: false,
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    plugins: [zodWithoutLocales],
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error(`esbuild produced nothing for ${entry}`);
  return out.text;
}

/**
 * The script is inlined into an HTML page that Apps Script may also evaluate as a template
 * (HtmlService.createTemplateFromFile), so its text must neither end the <script> element
 * ("</script", "<!--") nor open a scriptlet ("<?"). esbuild already escapes "</script" in
 * strings; lit-html's one "<?>" marker string is rewritten to an equal escape; anything
 * else fails the build instead of failing in the add-on.
 */
export function htmlSafe(js: string): string {
  const safe = js.replaceAll('"<?>"', '"<\\x3f>"');
  for (const [pattern, what] of [
    [/<\/script/i, '"</script"'],
    [/<!--/, '"<!--"'],
    [/<\?/, '"<?"'],
  ] as const) {
    if (pattern.test(safe)) throw new Error(`the bundle contains ${what} and cannot be inlined`);
  }
  return safe;
}

export function sidebarPage(js: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base target="_top">
<title>MindFlow</title>
<style>
  html, body { margin: 0; padding: 0; }
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124; background: #fff; }
</style>
</head>
<body>
<div id="mindflow-root"><p style="padding:0.6rem">Loading MindFlow…</p></div>
<script>
${js}
</script>
<script>MindFlowSidebar.mount(document.getElementById('mindflow-root'));</script>
</body>
</html>
`;
}

export interface BuildReport {
  file: string;
  bytes: number;
  gzipBytes: number;
}

async function write(file: string, text: string): Promise<BuildReport> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  const bytes = Buffer.byteLength(text);
  return { file, bytes, gzipBytes: gzipSync(text).length };
}

async function sidebarScript(): Promise<string> {
  return htmlSafe(await bundle('src/sidebar.ts', true));
}

export async function buildSidebar(): Promise<BuildReport[]> {
  const js = await sidebarScript();
  return [await write(SIDEBAR_JS, js), await write(SIDEBAR_HTML, sidebarPage(js))];
}

/**
 * The sidebar page built from the current sources, without touching dist/: the add-on's
 * build embeds it as Sidebar.html, so building the add-on never needs web/ built first.
 */
export async function buildSidebarPage(): Promise<string> {
  return sidebarPage(await sidebarScript());
}

/** The add-on's dialogs built from web/: the file Apps Script serves → its entry and title. */
export const DIALOGS = {
  'DailyPlan.html': { entry: 'src/daily-plan-dialog.ts', title: 'Daily plan settings' },
  'Connect.html': { entry: 'src/connect-dialog.ts', title: 'Connect ChatGPT' },
} as const;
export type DialogFile = keyof typeof DIALOGS;

/** A dialog page: its script inlined at the end of <body>, where the element mounts itself. */
export function dialogPage(title: string, js: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<base target="_top">
<title>${title}</title>
</head>
<body>
<p style="font:13px system-ui,sans-serif;margin:8px">Loading…</p>
<script>
${js}
</script>
</body>
</html>
`;
}

/**
 * The dialogs' pages from the current sources: the add-on's build writes them as
 * DailyPlan.html and Connect.html next to Sidebar.html.
 */
export async function buildDialogPages(): Promise<Record<DialogFile, string>> {
  const pages = {} as Record<DialogFile, string>;
  for (const [file, { entry, title }] of Object.entries(DIALOGS) as [
    DialogFile,
    (typeof DIALOGS)[DialogFile],
  ][]) {
    pages[file] = dialogPage(title, htmlSafe(await bundle(entry, true)));
  }
  return pages;
}

/** The browser tests' own page script: the real core on a memory store, a fake google.script.run. */
export async function buildTestFixture(): Promise<BuildReport> {
  return write(FIXTURE_JS, await bundle('test/fixture.ts', false));
}

/** The hosted dashboard: served by the server at `/` (server/src/web/dashboard-static.ts). */
export const DASHBOARD_DIR = join(DIST_DIR, 'dashboard');

// No inline script or style attribute: the server's CSP allows scripts from itself only.
export const DASHBOARD_PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>MindFlow</title>
<link rel="stylesheet" href="app/dashboard.css">
<script type="module" src="app/dashboard.js"></script>
<!--preload-->
</head>
<body>
<div id="mindflow-dashboard"><p class="boot">Loading MindFlow…</p></div>
<noscript><p class="boot">MindFlow's dashboard needs JavaScript. The API is at <a href="docs">/docs</a>.</p></noscript>
</body>
</html>
`;

export const DASHBOARD_CSS = `:root { color-scheme: light dark; }
html, body { margin: 0; padding: 0; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: #202124; background: #fff;
}
.boot { padding: 1rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e8eaed; background: #1b1c1f; }
  a { color: #8ab4f8; }
}
`;

/**
 * Builds web/dist/dashboard: index.html, dashboard.css, the entry dashboard.js (ES modules,
 * minified) and the chunks it loads when a view first opens. index.html preloads the chunks
 * Today needs, so they load beside the entry instead of after it. Returns the sizes of the
 * initial JavaScript and of the initial JavaScript with Today.
 */
export async function buildDashboard(): Promise<BuildReport[]> {
  const out = join(DASHBOARD_DIR, 'app');
  // Chunk names carry hashes: old ones would pile up.
  await rm(out, { recursive: true, force: true });
  const result = await build({
    entryPoints: [join(WEB_DIR, 'src/dashboard.ts')],
    absWorkingDir: WEB_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: out,
    chunkNames: 'chunk-[hash]',
    write: true,
    metafile: true,
    legalComments: 'eof',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    plugins: [zodWithoutLocales],
  });
  await writeFile(join(out, 'dashboard.css'), DASHBOARD_CSS);
  const outputs = result.metafile.outputs;
  const entry = relative(WEB_DIR, join(out, 'dashboard.js'));
  /** An output file and everything it imports statically. */
  const closure = (rel: string, into = new Set<string>()): Set<string> => {
    if (into.has(rel)) return into;
    into.add(rel);
    for (const imp of outputs[rel]?.imports ?? []) {
      if (imp.kind === 'import-statement') closure(imp.path, into);
    }
    return into;
  };
  // What the page loads before anything shows: the entry and its static imports.
  const initial = closure(entry);
  // Today, the view `/` opens, is a chunk of its own: preloaded beside the entry.
  const todayChunk = Object.keys(outputs).find((o) =>
    outputs[o]?.entryPoint?.endsWith('src/dashboard/mf-view-today.ts'),
  );
  const today = todayChunk ? closure(todayChunk, new Set(initial)) : initial;
  const preload = [...today]
    .filter((rel) => rel !== entry && rel.endsWith('.js'))
    .map((rel) => `<link rel="modulepreload" href="app/${relative(relative(WEB_DIR, out), rel)}">`)
    .join('\n');
  await writeFile(
    join(DASHBOARD_DIR, 'index.html'),
    DASHBOARD_PAGE.replace('<!--preload-->', preload),
  );
  const sizeOf = async (files: Set<string>, file: string): Promise<BuildReport> => {
    let bytes = 0;
    let gzipBytes = 0;
    for (const rel of files) {
      const text = await readFile(join(WEB_DIR, rel));
      bytes += text.length;
      gzipBytes += gzipSync(text).length;
    }
    return { file, bytes, gzipBytes };
  };
  return [
    await sizeOf(initial, `${join(WEB_DIR, entry)} (initial JavaScript: ${initial.size} files)`),
    await sizeOf(today, `… with the Today view (${today.size} files)`),
  ];
}

export async function readSidebarPage(): Promise<string> {
  return readFile(SIDEBAR_HTML, 'utf8');
}

if (import.meta.main) {
  const dashboardOnly = process.argv.includes('--dashboard');
  const reports = dashboardOnly
    ? await buildDashboard()
    : [...(await buildSidebar()), ...(await buildDashboard())];
  for (const r of reports) {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    console.log(`${r.file}: ${kb(r.bytes)} (${kb(r.gzipBytes)} gzipped)`);
  }
}
