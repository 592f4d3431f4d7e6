import { existsSync } from 'node:fs';
import { neededInCi } from '@mindflow/shared/testing';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { LoadedBundle } from '@mindflow/apps-script-emulator';

// Runs an HtmlService dialog in the system Chromium (never a downloaded one), with
// google.script.run wired to the emulator: each server call is a fresh emulated execution,
// as in Apps Script. Without Chromium the browser tests skip and say why (in CI they fail).

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const NO_CHROMIUM = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
export const hasChromium = neededInCi('Chromium', existsSync(CHROMIUM_PATH) ? null : NO_CHROMIUM);
export const skipReason = hasChromium ? '' : ` — SKIPPED: ${NO_CHROMIUM}`;

const DIALOG_URL = 'https://n-dialog.script.googleusercontent.test/userCodeAppPanel';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'];

/**
 * google.script.run as a dialog sees it: with…Handler returns a runner carrying the handlers,
 * a call returns at once and answers later; arguments and results cross as JSON; a server
 * exception reaches the failure handler as an Error. google.script.host.close is recorded.
 */
const GOOGLE_SCRIPT_SHIM = `
(() => {
  function runner(onSuccess, onFailure) {
    return new Proxy({}, {
      get(_, name) {
        if (name === 'withSuccessHandler') return (h) => runner(h, onFailure);
        if (name === 'withFailureHandler') return (h) => runner(onSuccess, h);
        return (...args) => {
          window.__gasRun(String(name), JSON.stringify(args)).then((answer) => {
            const a = JSON.parse(answer);
            if ('error' in a) { if (onFailure) onFailure(new Error(a.error)); }
            else if (onSuccess) onSuccess(a.value);
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(), host: { close() { window.__closed = true; } } } };
})();`;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedDialog {
  page: Page;
  /** Uncaught page errors and console errors. */
  errors: string[];
}

/**
 * Runs `menuFunction` in the emulator and opens the dialog it showed, at the size it asked
 * for (less the dialog's title bar), or at `viewport` (a sidebar, a phone), in a new page.
 */
export async function openDialog(
  browser: Browser,
  app: LoadedBundle,
  menuFunction: string,
  titleBarPx = 60,
  viewport?: { width: number; height: number },
  /** Pins the page's clock (ISO instant) before its script runs, as the emulator's is. */
  now?: string,
): Promise<OpenedDialog> {
  app.run(menuFunction);
  const shown = app.emulator.ui.shown.at(-1);
  if (!shown) throw new Error(`${menuFunction} showed nothing`);
  if (!viewport && (!shown.width || !shown.height)) {
    throw new Error(`${menuFunction} showed no sized dialog`);
  }
  const page = await browser.newPage({
    viewport: viewport ?? { width: shown.width!, height: shown.height! - titleBarPx },
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.exposeFunction('__gasRun', (name: string, argsJson: string) => {
    try {
      const value = app.run(name, ...(JSON.parse(argsJson) as unknown[]));
      return JSON.stringify({ value: value ?? null });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  });
  if (now !== undefined) await page.clock.setFixedTime(new Date(now));
  await page.addInitScript(GOOGLE_SCRIPT_SHIM);
  // Served from a URL (not setContent's about:blank) so the shim runs before the page's own
  // script, as Apps Script's google.script does.
  await page.route(DIALOG_URL, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: shown.content }),
  );
  await page.goto(DIALOG_URL);
  return { page, errors };
}

/** The focused element: its id, tag and the name a screen reader would announce. */
export function focused(page: Page): Promise<{ id: string; tag: string; name: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    const label = el.getAttribute('aria-label')
      || (el.labels && el.labels[0] && el.labels[0].textContent)
      || (el.tagName === 'BUTTON' ? el.textContent : '');
    return { id: el.id, tag: el.tagName.toLowerCase(), name: (label || '').trim().replace(/\\s+/g, ' ') };
  })()`);
}
