import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  focusedElement,
  hasChromium,
  horizontalOverflow,
  openSidebar,
  pageErrors,
  skipReason,
  startHarness,
  type Harness,
} from './browser-harness.ts';

// The "Ask" tab: <mf-chat-panel> on the offline assistant over the real core, driven by
// keyboard in Chromium, with screenshots at 1280 px and 360 px.

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const NOW = '2026-03-10T14:00:00Z';
const ZONE = 'America/New_York';

async function ask(page: Page, text: string) {
  const input = page.locator('mf-chat-panel textarea');
  await input.focus();
  await page.keyboard.type(text);
  const before = await page.locator('mf-chat-panel .msg.assistant').count();
  await page.keyboard.press('Enter');
  await page.locator('mf-chat-panel .msg.assistant').nth(before).waitFor();
  await page.waitForFunction(
    () =>
      !document
        .querySelector('mf-app')
        ?.shadowRoot?.querySelector('mf-chat-panel')
        ?.shadowRoot?.querySelector('[aria-busy="true"]'),
  );
  return page.locator('mf-chat-panel .msg.assistant').last();
}

async function openAsk(page: Page) {
  await page.locator('mf-app [role="tab"]', { hasText: 'Tasks' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.locator('mf-chat-panel textarea').waitFor();
  expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Ask' });
}

describe.skipIf(!hasChromium)(`the chat panel in the sidebar${skipReason}`, () => {
  let harness: Harness;
  let page: Page;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  afterEach(async () => {
    if (page) {
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    }
  });

  for (const width of [1280, 360]) {
    it(`talks, shows the actions as chips, and asks before deleting, by keyboard at ${width} px`, async () => {
      page = await openSidebar(harness, {
        now: NOW,
        zone: ZONE,
        chat: true,
        tasks: [{ title: 'Renew passport', priority: 4 }],
      });
      await page.setViewportSize({ width, height: 900 });
      await openAsk(page);

      const added = await ask(page, 'add Pay rent friday p1 #home');
      await expect.poll(() => added.textContent()).toContain('Added “Pay rent”');
      expect(await added.locator('button.chip').textContent()).toContain('Added “Pay rent”');
      expect(await focusedElement(page)).toMatchObject({ tag: 'textarea' });

      const next = await ask(page, 'what should I do next?');
      expect(await next.textContent()).toMatch(/Next: “(Pay rent|Renew passport)”/);

      const proposal = await ask(page, 'delete renew passport');
      expect(await proposal.textContent()).toContain('Delete “Renew passport”');
      // Focus goes to Confirm; Escape cancels and nothing is deleted.
      expect(await focusedElement(page)).toMatchObject({ tag: 'button', text: 'Confirm' });
      await page.screenshot({ path: `${SHOTS}chat-panel-${width}.png`, fullPage: true });
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('mf-chat-panel .msg.assistant').last().textContent())
        .toContain('Nothing was changed');
      expect(await page.evaluate(() => window.mfTest.current!.run('listTasks', {}))).toMatchObject({
        ok: true,
        data: { tasks: [{}, {}] },
      });

      await ask(page, 'delete renew passport');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('mf-chat-panel .msg.assistant').last().textContent())
        .toContain('Done: Deleted the task');
      const left = (await page.evaluate(() => window.mfTest.current!.run('listTasks', {}))) as {
        data: { tasks: { title: string }[] };
      };
      expect(left.data.tasks.map((t) => t.title)).toEqual(['Pay rent']);
      expect(await horizontalOverflow(page)).toEqual([]);
    });
  }

  it('opens the task of a chip in the editor on the Tasks tab', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, chat: true });
    await openAsk(page);
    await ask(page, 'add Call the bank tomorrow');
    await page.locator('mf-chat-panel button.chip').focus();
    await page.keyboard.press('Enter');
    await page.locator('mf-task-editor').waitFor();
    expect(await page.locator('mf-app [role="tab"][aria-selected="true"]').textContent()).toContain(
      'Tasks',
    );
    expect(await page.locator('mf-task-editor input').first().inputValue()).toBe('Call the bank');
  });
});
