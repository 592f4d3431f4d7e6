import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedBundle } from '@mindflow/apps-script-emulator';
import { setUpAddOn } from '../../test-support/add-on.ts';
import {
  focused,
  hasChromium,
  launchBrowser,
  openDialog,
  skipReason,
  type OpenedDialog,
} from '../../test-support/dialog-browser.ts';

// Friday 27 November 2026, 07:30 in New York.
const NOW = '2026-11-27T12:30:00Z';

function addOn(calendars = 1): LoadedBundle {
  const { app } = setUpAddOn({ now: NOW });
  for (let i = 1; i <= calendars; i++) {
    app.emulator.calendars.addCalendar({
      id: `c${i}@group.calendar.google.com`,
      name: i === 1 ? 'Team' : `Project ${i} — a calendar with a rather long descriptive name`,
    });
  }
  return app;
}

const statusText = (page: Page) => page.locator('#status').textContent();

// Each test drives Chromium step by step against fresh emulated executions.
const BROWSER_TIMEOUT = { timeout: 30_000 };

describe.skipIf(!hasChromium)(
  `the Daily plan settings dialog in Chromium${skipReason}`,
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

    async function open(app: LoadedBundle): Promise<Page> {
      dialog = await openDialog(browser, app, 'showDailyPlanSettings');
      await dialog.page.locator('#status', { hasText: /^(On|Off):/ }).waitFor();
      return dialog.page;
    }

    it('is used by keyboard alone: every control is named, and Save installs the trigger', async () => {
      const app = addOn();
      const page = await open(app);
      expect(await statusText(page)).toBe('Off: no morning email.');

      await page.keyboard.press('Tab');
      expect(await focused(page)).toMatchObject({
        id: 'enabled',
        name: 'Email me my plan every morning',
      });
      await page.keyboard.press('Space');

      const names: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const f = await focused(page);
        expect(f.name, `control #${f.id || f.tag} has no name`).not.toBe('');
        // Chromium's time input takes one Tab per part (hour, minute, AM/PM): one control.
        if (names.at(-1) !== f.name) names.push(f.name);
        if (f.id === 'save') break;
      }
      expect(names).toEqual([
        'Send at, hour',
        'Send at, minute',
        'Team',
        'Working day starts',
        'Working day ends',
        ...['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
        'Keep lunch free',
        'Minutes kept free after a meeting',
        'Save',
      ]);
      await page.keyboard.press('Enter');
      await page.locator('#status', { hasText: 'Saved.' }).waitFor();
      expect(await statusText(page)).toBe(
        'Saved. On: sends to owner@example.com at 07:30 (America/New_York).',
      );
      expect(app.emulator.triggers.find('sendDailyPlan')?.schedule).toMatchObject({
        atHour: 7,
        nearMinute: 30,
      });
    });

    it('fits its size: nothing scrolls sideways and the buttons stay in view with many calendars', async () => {
      const page = await open(addOn(14));
      const layout = (await page.evaluate(`(() => {
      const fields = document.querySelector('.fields');
      const save = document.getElementById('save').getBoundingClientRect();
      return {
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        fieldsSideways: fields.scrollWidth - fields.clientWidth,
        fieldsScroll: fields.scrollHeight > fields.clientHeight,
        saveBottom: save.bottom,
        height: window.innerHeight,
      };
    })()`)) as Record<string, number | boolean>;
      expect(layout).toMatchObject({ sideways: 0, fieldsSideways: 0, fieldsScroll: true });
      expect(layout.saveBottom).toBeLessThanOrEqual(layout.height as number);
    });

    it('shows a validation error beside its field, in words, and moves focus there', async () => {
      const app = addOn();
      const page = await open(app);
      await page.fill('#work-start', '18:00');
      await page.fill('#work-end', '09:00');
      await page.click('#save');
      await page.locator('#summary').waitFor();
      expect(await statusText(page)).toBe('Not saved: one setting needs fixing.');
      expect(await page.locator('#error-working_hours\\.end').textContent()).toBe(
        'Working day to: start must be before end (ranges across midnight are not supported)',
      );
      expect(await page.locator('#summary li').allTextContents()).toEqual([
        'Working day to: start must be before end (ranges across midnight are not supported)',
      ]);
      expect(await focused(page)).toMatchObject({ id: 'work-end' });
      expect(await page.getAttribute('#work-end', 'aria-invalid')).toBe('true');
      expect(app.emulator.triggers.find('sendDailyPlan')).toBeUndefined();

      await page.fill('#work-start', '08:00');
      await page.click('#save');
      await page.locator('#status', { hasText: 'Saved.' }).waitFor();
      expect(await page.locator('#summary').isHidden()).toBe(true);
      expect(await page.getAttribute('#work-end', 'aria-invalid')).toBeNull();
    });

    it('keeps the settings it does not show, and the calendars chosen, across a save', async () => {
      const app = addOn(3);
      app.run('saveDailyPlanSettings', {
        default_effort_minutes: 45,
        calendar_ids: ['c2@group.calendar.google.com'],
      });
      const page = await open(app);
      await page.check('#enabled');
      await page.click('#save');
      await page.locator('#status', { hasText: 'Saved.' }).waitFor();
      expect(app.run('getDailyPlanSettings')).toMatchObject({
        settings: {
          enabled: true,
          default_effort_minutes: 45,
          calendar_ids: ['c2@group.calendar.google.com'],
        },
      });
    });

    it('"Send me a test now" reports what happened in the dialog', async () => {
      const app = addOn();
      const page = await open(app);
      await page.click('#test');
      await page.locator('#status', { hasText: 'Test sent' }).waitFor();
      expect(await statusText(page)).toMatch(
        /^Test sent to owner@example\.com: Fri 27 Nov — 0 meetings, 0 tasks planned/,
      );
      expect(app.emulator.mail.sent).toHaveLength(1);

      app.emulator.mail.resetQuota(0);
      await page.click('#test');
      await page.locator('#status', { hasText: 'Not sent' }).waitFor();
      expect(await statusText(page)).toContain("MailApp's daily email quota is used up");
      expect(await page.getAttribute('#status', 'class')).toBe('bad');
    });
  },
);
