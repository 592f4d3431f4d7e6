import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { intlTimeZone, parseQuickAdd, ZonedCalendar } from '@mindflow/shared';
import { quickAddChips } from '../src/format/quick-add-chips.ts';
import {
  hasChromium,
  openSidebar,
  pageErrors,
  skipReason,
  startHarness,
  type Harness,
} from './browser-harness.ts';

const NOW = '2026-03-10T14:00:00Z'; // Tuesday 10:00 in New York
const ZONE = 'America/New_York';
const calendar = new ZonedCalendar(intlTimeZone, ZONE);
const RENT = 'Pay rent tomorrow p1 #home';

function texts(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .allTextContents()
    .then((all) => all.map((t) => t.replace(/\s+/g, ' ').trim()));
}

const rowTitles = (page: Page) => texts(page, 'mf-task-row .title');
const bestTitle = (page: Page) => texts(page, 'mf-best-task .title');
const status = (page: Page) => page.locator('mf-app [role="status"]').textContent();

describe.skipIf(!hasChromium)(`the sidebar on the real core${skipReason}`, () => {
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

  describe('mf-quick-add', () => {
    it('previews what the shared parser understood, as chips, while typing', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE });
      await page.locator('mf-quick-add input').pressSequentially(RENT);
      const expected = quickAddChips(
        parseQuickAdd(RENT, { now: Date.parse(NOW), calendar }),
        calendar,
        Date.parse(NOW),
      ).map((c) => `${c.label}: ${c.value}`);
      expect(expected.length).toBeGreaterThan(0);
      await expect.poll(() => texts(page, 'mf-quick-add .chip')).toEqual(expected);
    });

    it('shows due, priority and tag chips for "Pay rent tomorrow p1 #home"', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE });
      await page.locator('mf-quick-add input').fill(RENT);
      await expect
        .poll(() => texts(page, 'mf-quick-add .chip'))
        .toEqual([
          'Title: Pay rent',
          'Due: tomorrow (Wed, Mar 11)',
          'Priority: P1 highest',
          'Tag: #home',
        ]);
    });

    it('creates the task on Enter, clears the box, and ranks it as the best task with its why', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE });
      const input = page.locator('mf-quick-add input');
      await input.fill(RENT);
      await input.press('Enter');
      const title = parseQuickAdd(RENT, { now: Date.parse(NOW), calendar }).fields.title;
      await expect.poll(() => bestTitle(page)).toEqual([title]);
      // Shown once: the card has it, so the list below does not repeat it.
      expect(await rowTitles(page)).toEqual([]);
      expect(await input.inputValue()).toBe('');
      expect(await status(page)).toBe(`Added “${title}”`);
      const best = (await page.evaluate(() => window.mfTest.current!.run('getBestTask', {}))) as {
        data: { reasoning: { recommendation: string } };
      };
      const why = await page.locator('mf-best-task .why').textContent();
      expect(why).toBe(best.data.reasoning.recommendation);
      expect(why).toBe('Due tomorrow and top priority — get ahead of it now');
    });

    it('shows the core’s validation message and keeps the text', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE });
      const input = page.locator('mf-quick-add input');
      await input.fill('x'.repeat(1001));
      await input.press('Enter');
      await expect
        .poll(() => texts(page, 'mf-quick-add [role="alert"]'))
        .toEqual(['text must be at most 1000 characters']);
      expect(await input.getAttribute('aria-invalid')).toBe('true');
      expect((await input.inputValue()).length).toBe(1001);
      expect(await rowTitles(page)).toEqual([]);
    });
  });

  describe('mf-best-task', () => {
    it('expands the score breakdown that adds up to the score', async () => {
      page = await openSidebar(harness, {
        now: NOW,
        zone: ZONE,
        tasks: [{ title: 'File taxes', priority: 5, due: '2026-03-10', effort_minutes: 15 }],
      });
      await expect.poll(() => bestTitle(page)).toEqual(['File taxes']);
      const why = page.locator('mf-best-task .why');
      expect(await why.textContent()).toBe(
        'Due today and top priority — do this now; a quick win at 15 min',
      );
      const table = page.locator('mf-best-task table');
      expect(await table.isVisible()).toBe(false);
      await page.locator('mf-best-task summary').click();
      expect(await table.isVisible()).toBe(true);
      const rows = await page
        .locator('mf-best-task tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.children].map((c) => c.textContent).join(' ')),
        );
      expect(rows[0]).toMatch(/^Deadline: Due today \+\d/);
      expect(rows[1]).toBe('Priority P1 highest +50');
      expect(rows.at(-1)).toMatch(/^Score [\d.]+ \/ 133$/);
    });

    it('says there is nothing to do when every task is done', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE });
      await expect.poll(() => texts(page, 'mf-best-task p')).toEqual(['Nothing open — add a task']);
      expect(await texts(page, 'mf-task-list p')).toEqual(['No open tasks. Add one above.']);
    });
  });

  describe('mf-task-list', () => {
    const TWO = [
      { title: 'Write report', priority: 4 },
      { title: 'Water plants', priority: 2 },
    ];
    const THIRD = { title: 'Stretch', priority: 1 };

    it('shows the best task once: on its card, and not again in the list', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: [...TWO, THIRD] });
      await expect.poll(() => bestTitle(page)).toEqual(['Write report']);
      await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
      expect(await page.locator('mf-task-list h2').textContent()).toBe('Up next (2)');
      expect(await page.getByText('Write report', { exact: true }).count()).toBe(1);
    });

    it('completes a task: it leaves the list and the best task moves on', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: [...TWO, THIRD] });
      await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
      // Priorities in Todoist's notation, scores with their scale.
      expect(await texts(page, 'mf-task-row .meta')).toEqual(['P4 low', 'P5 lowest']);
      for (const score of await texts(page, 'mf-task-row .score'))
        expect(score).toMatch(/^\d+ \/ 133$/);
      await page.getByRole('button', { name: 'Done: “Write report”' }).click();
      await expect.poll(() => bestTitle(page)).toEqual(['Water plants']);
      await expect.poll(() => rowTitles(page)).toEqual(['Stretch']);
      expect(await status(page)).toBe('Completed “Write report”');
      expect(await page.locator('mf-task-list h2').textContent()).toBe('Up next (1)');
    });

    it('snoozes a task until tomorrow from its menu: it is hidden from the ranking', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: [...TWO, THIRD] });
      await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
      const snooze = page.getByRole('button', { name: 'Snooze “Write report”' });
      await snooze.click();
      expect(await snooze.getAttribute('aria-expanded')).toBe('true');
      expect(await texts(page, '[role="menuitem"]')).toEqual([
        '1 hour',
        'Tomorrow',
        'Next week',
        'Pick a date…',
      ]);
      await page.getByRole('menuitem', { name: 'Tomorrow' }).click();
      await expect.poll(() => bestTitle(page)).toEqual(['Water plants']);
      await expect.poll(() => rowTitles(page)).toEqual(['Stretch']);
      expect(await status(page)).toBe('Snoozed “Write report” until tomorrow');
      const stored = (await page.evaluate(() =>
        window.mfTest.current!.run('listTasks', { status: 'snoozed' }),
      )) as { data: { tasks: { title: string; snoozed_until: string }[] } };
      expect(stored.data.tasks.map((t) => [t.title, t.snoozed_until])).toEqual([
        ['Write report', '2026-03-11T00:00:00-04:00'],
      ]);
    });

    it('moves a task up when its priority is raised in the editor', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: [...TWO, THIRD] });
      await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
      await page.getByRole('button', { name: 'Edit “Water plants”' }).click();
      await page.locator('mf-task-editor select#priority').selectOption('5');
      await page.locator('mf-task-editor').getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => bestTitle(page)).toEqual(['Water plants']);
      await expect.poll(() => rowTitles(page)).toEqual(['Write report', 'Stretch']);
      expect(await page.locator('mf-task-editor').count()).toBe(0);
      expect(await status(page)).toBe('Saved “Water plants”');
    });
  });

  describe('mf-task-editor', () => {
    // File taxes is the best task, on its card: Book flights stays a row of the list.
    const ONE = [
      { title: 'Book flights', priority: 3, tags: ['travel'] },
      { title: 'File taxes', priority: 5, due: '2026-03-10' },
    ];

    it('reports a conflicting edit made elsewhere and loads the latest version on request', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: ONE });
      await page.getByRole('button', { name: 'Edit “Book flights”' }).click();
      const editor = page.locator('mf-task-editor');
      await editor.locator('select#priority').selectOption('5');
      // Someone edits the same task in the Sheet (or through the GPT) meanwhile.
      await page.evaluate(() =>
        window.mfTest.current!.run('updateTask', {
          id: '00000000-0000-4000-8000-000000000001',
          title: 'Book flights to Lisbon',
        }),
      );
      await editor.getByRole('button', { name: 'Save' }).click();
      const alert = editor.locator('[role="alert"]');
      await alert.waitFor();
      expect(await alert.textContent()).toContain(
        'Someone else changed this task at 10:00 AM on Tue, Mar 10 while you were editing. Your changes were not saved',
      );
      await editor.getByRole('button', { name: 'Load latest version' }).click();
      await expect
        .poll(() => editor.locator('input#title').inputValue())
        .toBe('Book flights to Lisbon');
      expect(await editor.locator('select#priority').inputValue()).toBe('3');
      expect(await editor.locator('[role="alert"]').count()).toBe(0);
    });

    it('shows the core’s field errors next to the field they name', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: ONE });
      await page.getByRole('button', { name: 'Edit “Book flights”' }).click();
      const editor = page.locator('mf-task-editor');
      await editor.locator('input#effort_minutes').fill('2000');
      await editor.locator('input#title').fill('   ');
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => texts(page, 'mf-task-editor #effort_minutes-error'))
        .toEqual(['effort_minutes must be at most 1440 (one day)']);
      expect(await texts(page, 'mf-task-editor #title-error')).toEqual(['title must not be empty']);
      expect(await editor.locator('input#effort_minutes').getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect(await editor.locator('input#effort_minutes').getAttribute('aria-describedby')).toBe(
        'effort_minutes-error',
      );
    });

    it('saves a due date and time read in the Sheet’s zone', async () => {
      page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: ONE });
      await page.getByRole('button', { name: 'Edit “Book flights”' }).click();
      const editor = page.locator('mf-task-editor');
      await editor.locator('input#due_date').fill('2026-03-13');
      await editor.locator('input#due_time').fill('15:30');
      await editor.locator('input#tags').fill('travel, family');
      await editor.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => texts(page, 'mf-task-row .meta'))
        .toEqual(['due Friday 3:30 PM · P3 normal · #travel · #family']);
      const saved = (await page.evaluate(() =>
        window.mfTest.current!.run('getTask', { id: '00000000-0000-4000-8000-000000000001' }),
      )) as { data: { due: string; tags: string[] } };
      expect(saved.data.due).toBe('2026-03-13T15:30:00-04:00');
      expect(saved.data.tags).toEqual(['travel', 'family']);
    });
  });
});
