import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateOpenApi } from '@mindflow/shared';
import { setUpAddOn } from '../../test-support/add-on.ts';
import {
  hasChromium,
  launchBrowser,
  openDialog,
  skipReason,
  type OpenedDialog,
} from '../../test-support/dialog-browser.ts';

const URL_ = 'https://script.google.com/macros/s/AKfyc-test/exec';

// Each test drives Chromium step by step against fresh emulated executions.
const BROWSER_TIMEOUT = { timeout: 30_000 };

describe.skipIf(!hasChromium)(
  `the Connect dialog in Chromium${skipReason}`,
  BROWSER_TIMEOUT,
  () => {
    let browser: Browser;
    let dialog: OpenedDialog | null = null;

    beforeAll(async () => {
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });
    afterEach(async () => {
      if (dialog) {
        expect(dialog.errors).toEqual([]);
        await dialog.page.close();
        dialog = null;
      }
    });

    async function open(webAppUrl = URL_): Promise<{ page: Page; app: OpenedDialogApp }> {
      const { app, key } = setUpAddOn({ webAppUrl });
      dialog = await openDialog(browser, app, 'showConnectDialog');
      await dialog.page.getByRole('tab', { name: 'Custom GPT' }).waitFor();
      return { page: dialog.page, app: { app, key } };
    }
    type OpenedDialogApp = ReturnType<typeof setUpAddOn>;

    it('shows the Custom GPT route: the warning, the key and this deployment’s schema', async () => {
      const { page, app } = await open();
      expect(await page.locator('#status').textContent()).toBe(
        'Paste these into your Custom GPT, or connect the MindFlow app.',
      );
      expect(
        await page.getByRole('tab', { name: 'Custom GPT' }).getAttribute('aria-selected'),
      ).toBe('true');
      expect(await page.getByRole('note').textContent()).toContain(
        'Anyone the GPT is shared with can read and change this Sheet',
      );
      expect(await page.getByLabel('API key').inputValue()).toBe(app.key);
      const schema = JSON.parse(
        await page.getByLabel('OpenAPI schema', { exact: true }).inputValue(),
      ) as unknown;
      expect(schema).toEqual(
        generateOpenApi({ style: 'apps-script', serverUrl: URL_, apiKey: app.key }),
      );
      expect(await page.locator('#url-hint').isHidden()).toBe(true);
    });

    it('rotates the key after a confirmation: the schema shows the new one', async () => {
      const { page, app } = await open();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: 'Rotate key' }).click();
      await page.locator('#status', { hasText: 'New key' }).waitFor();
      const key = await page.getByLabel('API key').inputValue();
      expect(key).not.toBe(app.key);
      expect(key).toBe(app.app.emulator.properties.script.get('API_KEY'));
      expect(await page.getByLabel('OpenAPI schema', { exact: true }).inputValue()).toContain(key);
    });

    it('asks for a deployment while there is no web app URL, and takes the pasted one', async () => {
      const { page } = await open('');
      expect(await page.locator('#url-hint').isVisible()).toBe(true);
      await page.getByLabel('Web app URL').fill(URL_);
      await page.getByRole('button', { name: 'Use this URL' }).click();
      await page.locator('#url-hint').waitFor({ state: 'hidden' });
      const schema = JSON.parse(
        await page.getByLabel('OpenAPI schema', { exact: true }).inputValue(),
      ) as unknown;
      expect(schema).toMatchObject({ servers: [{ url: expect.stringContaining('AKfyc-test') }] });
    });

    it('offers the MCP app on the same Sheet: the address gives the URL to paste', async () => {
      const { page, app } = await open();
      await page.getByRole('tab', { name: /MCP/ }).click();
      const panel = page.getByRole('tabpanel');
      expect(await panel.textContent()).toContain(
        `STORE=sheets SPREADSHEET_ID=${app.app.emulator.spreadsheet().id}`,
      );
      expect(await panel.textContent()).toContain('https://<your server>/mcp');
      expect(await panel.textContent()).toContain('Use MindFlow from ChatGPT, Claude, Cursor');
      await page.getByLabel('Your MindFlow server’s address').fill('https://tasks.example.com/');
      await page.getByRole('button', { name: 'Use this address' }).click();
      await page.locator('#status', { hasText: 'Server address saved.' }).waitFor();
      expect(await page.getByLabel('MCP URL', { exact: true }).inputValue()).toBe(
        'https://tasks.example.com/mcp',
      );
      expect(app.app.emulator.properties.script.get('MINDFLOW_SERVER_URL')).toBe(
        'https://tasks.example.com',
      );

      await page.getByLabel('Your MindFlow server’s address').fill('http://tasks.example.com');
      await page.getByRole('button', { name: 'Use this address' }).click();
      await page.locator('#status.bad').waitFor();
      expect(await page.locator('#status').textContent()).toContain('only connect over https');
    });
  },
);
