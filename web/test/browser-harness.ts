import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listenOnFreePort, neededInCi } from '@mindflow/shared/testing';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { FIXTURE_JS, SIDEBAR_HTML, SIDEBAR_JS } from '../build.ts';
import type { FixtureOptions } from './fixture.ts';

// Drives the system Chromium (never a downloaded one) against pages served from
// 127.0.0.1 on a free port. Without Chromium the browser tests skip and say why (in CI they
// fail instead).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_CHROMIUM = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
export const hasChromium = neededInCi('Chromium', existsSync(CHROMIUM_PATH) ? null : NO_CHROMIUM);
export const skipReason = hasChromium ? '' : ` — SKIPPED: ${NO_CHROMIUM}`;

if (!hasChromium) console.warn(`Browser tests${skipReason}`);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The sidebar is 300 px wide in Google Sheets. */
export const SIDEBAR_WIDTH = 300;

export const TEST_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>MindFlow test</title>
<style>html, body { margin: 0; font-family: system-ui, sans-serif; }</style></head>
<body><div id="root"></div>
<script src="/mindflow-sidebar.js"></script>
<script src="/fixture.js"></script>
</body></html>`;

export interface Harness {
  baseUrl: string;
  context: BrowserContext;
  close(): Promise<void>;
}

async function serveStatic(): Promise<{ server: Server; port: number }> {
  const files: Record<string, { file?: string; body?: string; type: string }> = {
    '/test.html': { body: TEST_PAGE, type: 'text/html' },
    '/sidebar.html': { file: SIDEBAR_HTML, type: 'text/html' },
    '/mindflow-sidebar.js': { file: SIDEBAR_JS, type: 'text/javascript' },
    '/fixture.js': { file: FIXTURE_JS, type: 'text/javascript' },
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry = files[path];
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!entry) {
      res.writeHead(404).end();
      return;
    }
    const body =
      entry.body !== undefined ? Promise.resolve(entry.body) : readFile(entry.file!, 'utf8');
    body.then(
      (text) => res.writeHead(200, { 'content-type': `${entry.type}; charset=utf-8` }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return { server, port: await listenOnFreePort(server) };
}

export async function startHarness(): Promise<Harness> {
  const { server, port } = await serveStatic();
  const profile = await mkdtemp(join(tmpdir(), 'mindflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: SIDEBAR_WIDTH, height: 900 },
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    async close() {
      await context.close();
      await new Promise((resolve) => server.close(resolve));
      await rm(profile, { recursive: true, force: true });
    },
  };
}

const errors = new WeakMap<Page, string[]>();

/** Uncaught page errors and console errors, checked after each test. */
export function watchErrors(page: Page): void {
  const seen: string[] = [];
  errors.set(page, seen);
  page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console.error: ${m.text()}`);
  });
}

export function pageErrors(page: Page): string[] {
  return errors.get(page) ?? [];
}

/** A fresh page with the sidebar mounted on a memoryClient over the real core. */
export async function openSidebar(harness: Harness, options: FixtureOptions): Promise<Page> {
  const page = await harness.context.newPage();
  watchErrors(page);
  await page.goto(`${harness.baseUrl}/test.html`);
  await page.evaluate((o) => window.mfTest.mountMemory(o), options);
  await page.locator('mf-quick-add input').waitFor();
  return page;
}

/** The element that has focus, looking inside shadow roots. */
export function focusedElement(
  page: Page,
): Promise<{ tag: string; id: string; label: string; text: string }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      text: el?.textContent?.trim() ?? '',
    };
  });
}

/** Elements, in every shadow root, that stick out of the viewport sideways. */
export function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      out.push(`document scrollWidth ${document.documentElement.scrollWidth} > ${width}`);
    }
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
          out.push(
            `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} spans ${r.left}–${r.right}`,
          );
        }
        const scrolls = ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
        if (scrolls && !el.matches('input, textarea') && el.scrollWidth > el.clientWidth + 1) {
          out.push(
            `${el.tagName.toLowerCase()} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`,
          );
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
}
