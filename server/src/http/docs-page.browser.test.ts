import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// /docs as a reader sees it: Swagger UI from this server under its CSP, every group of the
// API listed, and "Try it out" with a pasted token reaching the API.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = process.env.MINDFLOW_SCREENSHOTS;

describe.skipIf(!hasChromium)(
  `docs page in Chromium${hasChromium ? '' : ` — SKIPPED: no Chromium at ${CHROMIUM}`}`,
  () => {
    let s: TestServer;
    let browser: Browser;
    let token: string;
    beforeAll(async () => {
      s = await startTestServer();
      token = (await s.register()).token;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await s?.close();
    });

    it('renders the whole API with no CSP violation and tries a route with a pasted token', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(s.url)) problems.push(`request elsewhere: ${r.url()}`);
      });
      await page.goto(`${s.url}/docs`);
      await page.locator('.opblock-tag').first().waitFor({ timeout: 20_000 });
      const groups = await page.locator('.opblock-tag').allTextContents();
      expect(groups.map((g) => g.trim().split(/\s/)[0])).toEqual(
        expect.arrayContaining(['Tasks', 'Plan', 'Accounts', 'System']),
      );
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/docs-1280.png`, fullPage: false });

      // Authorize with the token, then run GET /api/tasks/best from the page.
      await page.locator('button.authorize').first().click();
      await page.locator('.auth-container input').first().fill(token);
      await page.locator('.auth-btn-wrapper button.authorize').click();
      await page.locator('button.btn-done').click();
      const best = page.locator('#operations-Tasks-getBestTask');
      await best.locator('.opblock-summary').click();
      await best.locator('button.try-out__btn').click();
      await best.locator('button.execute').click();
      const status = best.locator('.live-responses-table tbody .response-col_status').first();
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toContain('200');
      expect(await best.locator('.live-responses-table').textContent()).toContain(
        'Nothing open — add a task',
      );
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/docs-try-it.png` });
      expect(problems).toEqual([]);
      await page.close();
    }, 90_000);

    it('fits a phone', async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${s.url}/docs`);
      await page.locator('.opblock-tag').first().waitFor({ timeout: 20_000 });
      // A string: the server's types know no DOM.
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/docs-360.png` });
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    }, 60_000);
  },
);
