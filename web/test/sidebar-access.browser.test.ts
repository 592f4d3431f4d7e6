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
  watchErrors,
  type Harness,
} from './browser-harness.ts';

const NOW = '2026-03-10T14:00:00Z';
const ZONE = 'America/New_York';
const LONG = 'Renegotiate the supercalifragilisticexpialidocious-vendor-agreement-for-2027';

async function tabUntil(page: Page, match: (label: string) => boolean, max = 30) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (match(focused.label)) return focused;
  }
  throw new Error('Tab never reached the control');
}

describe.skipIf(!hasChromium)(`the sidebar at 300 px, by keyboard${skipReason}`, () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
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

  it('adds, completes and edits tasks with the keyboard alone', async () => {
    page = await openSidebar(harness, {
      now: NOW,
      zone: ZONE,
      // The best task is on its own card; these two stay in the list below it.
      tasks: [
        { title: 'File taxes', priority: 5, due: '2026-03-10' },
        { title: 'Call the bank', priority: 2 },
      ],
    });
    await page.locator('mf-task-row').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', id: 'text' });
    await page.keyboard.type('Pay rent');
    await page.keyboard.press('Enter');
    await page.locator('mf-task-row', { hasText: 'Pay rent' }).waitFor();
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', id: 'text' });

    const done = await tabUntil(page, (l) => l === 'Done: “Call the bank”');
    expect(done.tag).toBe('button');
    await page.keyboard.press('Space');
    await page.locator('mf-task-row', { hasText: 'Call the bank' }).waitFor({ state: 'detached' });
    // The row that had focus is gone: focus lands on the list's heading, not on <body>.
    expect(await focusedElement(page)).toMatchObject({ tag: 'h2', text: 'Up next (1)' });

    await tabUntil(page, (l) => l === 'Edit “Pay rent”');
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toMatchObject({ tag: 'input', id: 'title' });
    await page.keyboard.press('Escape');
    await page.locator('mf-task-editor').waitFor({ state: 'detached' });
    expect(await focusedElement(page)).toMatchObject({ label: 'Edit “Pay rent”' });
  });

  it('opens the snooze menu with the keyboard, moves with arrows, and closes on Escape', async () => {
    page = await openSidebar(harness, {
      now: NOW,
      zone: ZONE,
      tasks: [{ title: 'File taxes', priority: 5 }, { title: 'Plan trip' }],
    });
    await page.locator('mf-task-row').waitFor();
    await tabUntil(page, (l) => l === 'Snooze “Plan trip”');
    await page.keyboard.press('Enter');
    expect(await focusedElement(page)).toMatchObject({ text: '1 hour' });
    await page.keyboard.press('ArrowDown');
    expect(await focusedElement(page)).toMatchObject({ text: 'Tomorrow' });
    await page.keyboard.press('Escape');
    expect(await focusedElement(page)).toMatchObject({ label: 'Snooze “Plan trip”' });
    expect(await page.locator('[role="menu"]').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    expect(await focusedElement(page)).toMatchObject({ text: 'Pick a date…' });
    await page.keyboard.press('ArrowUp');
    expect(await focusedElement(page)).toMatchObject({ text: 'Next week' });
    await page.keyboard.press('Enter');
    await page.locator('mf-task-row').waitFor({ state: 'detached' });
    expect(await page.locator('mf-app [role="status"]').textContent()).toBe(
      'Snoozed “Plan trip” until next week',
    );
  });

  it('fits 300 px without sideways scrolling, with the menu, breakdown and editor open', async () => {
    page = await openSidebar(harness, {
      now: NOW,
      zone: ZONE,
      tasks: [
        {
          title: LONG,
          priority: 5,
          due: '2026-03-09',
          effort_minutes: 95,
          preferred_time: 'afternoon',
          tags: ['procurement-and-vendor-management', 'finance', 'legal'],
        },
        { title: 'Short one', repeat: 'FREQ=WEEKLY;BYDAY=MO' },
      ],
    });
    await page.locator('mf-task-row').first().waitFor();
    await page.locator('mf-quick-add input').fill(`${LONG} tomorrow 3pm p1 45m #finance @morning`);
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.locator('mf-best-task summary').click();
    await page.getByRole('button', { name: 'Snooze “Short one”' }).click();
    expect(await horizontalOverflow(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `Edit “${LONG}”` }).click();
    await page.locator('mf-task-editor input#title').waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    expect(width).toBe(300);
  });

  it('draws a visible focus ring on buttons reached by Tab', async () => {
    page = await openSidebar(harness, {
      now: NOW,
      zone: ZONE,
      tasks: [{ title: 'File taxes', priority: 5 }, { title: 'Stretch' }],
    });
    await page.locator('mf-task-row').waitFor();
    await tabUntil(page, (l) => l === 'Done: “Stretch”');
    const outline = await page
      .getByRole('button', { name: 'Done: “Stretch”' })
      .evaluate((b) => getComputedStyle(b).outlineStyle + ' ' + getComputedStyle(b).outlineWidth);
    expect(outline).toBe('solid 2px');
  });
});

describe.skipIf(!hasChromium)(`dist/sidebar.html, as the add-on serves it${skipReason}`, () => {
  let harness: Harness;
  let page: Page;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('mounts from its inlined script and works over google.script.run, fetching nothing else', async () => {
    page = await harness.context.newPage();
    watchErrors(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    // The fake google.script.run (over the real core) is in place before the page's script,
    // as HtmlService's is; the page's Date.now is pinned to the fixture's clock.
    await page.clock.setFixedTime(new Date(NOW));
    await page.addInitScript({
      path: new URL('../dist/test/fixture.js', import.meta.url).pathname,
    });
    await page.addInitScript(
      ({ now, zone }) => window.mfTest.installGoogleScriptRun({ now, zone }),
      { now: NOW, zone: ZONE },
    );
    await page.goto(`${harness.baseUrl}/sidebar.html`);
    const input = page.locator('mf-quick-add input');
    await input.fill('Renew passport');
    await input.press('Enter');
    await page.locator('mf-best-task .title', { hasText: 'Renew passport' }).waitFor();
    // Shown once: on the card, not again in the list.
    expect(await page.locator('mf-task-row').count()).toBe(0);
    expect(requests).toEqual([`${harness.baseUrl}/sidebar.html`]);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
