import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  hasChromium,
  openSidebar,
  pageErrors,
  skipReason,
  startHarness,
  type Harness,
} from './browser-harness.ts';

// Undo, the completed view, delete, Repeat, the Snooze date picker and the day plan, as a
// person uses them in the 300 px sidebar, on the real core.

const NOW = '2026-03-10T14:00:00Z'; // Tuesday 10:00 in New York
const ZONE = 'America/New_York';
const TASKS = [
  { title: 'Write report', priority: 4, effort_minutes: 60 },
  { title: 'Water plants', priority: 2, effort_minutes: 15 },
  { title: 'Stretch', priority: 1 },
];

function texts(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .allTextContents()
    .then((all) => all.map((t) => t.replace(/\s+/g, ' ').trim()));
}
const rowTitles = (page: Page) => texts(page, 'mf-task-row .title');
const bestTitle = (page: Page) => texts(page, 'mf-best-task .title');
const status = (page: Page) => page.locator('mf-app [role="status"]').textContent();

interface Stored {
  data: {
    tasks: { title: string; status: string; snoozed_until: string | null; repeat: string | null }[];
  };
}
function stored(page: Page, status: string): Promise<Stored> {
  return page.evaluate(
    (s) => window.mfTest.current!.run('listTasks', { status: s }),
    status,
  ) as Promise<Stored>;
}

describe.skipIf(!hasChromium)(`the sidebar's views and undo${skipReason}`, () => {
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

  it('Undo after Done puts the task back where it was', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    await page.getByRole('button', { name: 'Done: “Water plants”' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Stretch']);
    const undo = page.getByRole('button', { name: 'Undo: Completed “Water plants”' });
    await undo.click();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    expect(await status(page)).toBe('Undone: “Water plants” is back');
    expect((await stored(page, 'completed')).data.tasks).toEqual([]);
    expect(await page.locator('mf-undo-bar button').count()).toBe(0);
  });

  it('Undo after Done on the best task’s card brings it back to the card', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await expect.poll(() => bestTitle(page)).toEqual(['Write report']);
    await page
      .locator('mf-best-task')
      .getByRole('button', { name: 'Done: “Write report”' })
      .click();
    await expect.poll(() => bestTitle(page)).toEqual(['Water plants']);
    await page.getByRole('button', { name: 'Undo: Completed “Write report”' }).click();
    await expect.poll(() => bestTitle(page)).toEqual(['Write report']);
  });

  it('offers Undo for 10 seconds, then takes it away', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await page.clock.install();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    await page.getByRole('button', { name: 'Done: “Stretch”' }).click();
    const undo = page.locator('mf-undo-bar button');
    await undo.waitFor();
    await page.clock.runFor(9_000);
    expect(await undo.count()).toBe(1);
    await page.clock.runFor(1_500);
    await expect.poll(() => undo.count()).toBe(0);
  });

  it('deletes a task, and Undo creates it again with its fields', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    await page.getByRole('button', { name: 'Delete “Water plants”' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Stretch']);
    expect(await status(page)).toBe('Deleted “Water plants”');
    expect((await stored(page, 'all')).data.tasks.map((t) => t.title)).not.toContain(
      'Water plants',
    );
    await page.getByRole('button', { name: 'Undo: Deleted “Water plants”' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    expect(await texts(page, 'mf-task-row .meta')).toEqual(['P4 low · 15 min', 'P5 lowest']);
  });

  it('lists completed tasks in the Completed view, and reopens one', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    await page.getByRole('button', { name: 'Done: “Stretch”' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants']);
    await page.getByRole('button', { name: 'Completed', exact: true }).click();
    await expect.poll(() => texts(page, 'mf-completed-list .title')).toEqual(['Stretch']);
    expect(await texts(page, 'mf-completed-list .meta')).toEqual([
      'done today 10:00 AM · P5 lowest',
    ]);
    await page.getByRole('button', { name: 'Reopen “Stretch”' }).click();
    await expect.poll(() => texts(page, 'mf-completed-list .title')).toEqual([]);
    expect(await status(page)).toBe('Reopened “Stretch”');
    await page.getByRole('button', { name: 'Up next' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
  });

  it('saves Repeat from the editor, previewing the rule in words', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await page.getByRole('button', { name: 'Edit “Stretch”' }).click();
    const editor = page.locator('mf-task-editor');
    const repeat = editor.getByLabel('Repeat');
    expect(await editor.locator('#repeat-preview').textContent()).toContain('Does not repeat');
    await repeat.fill('every monday');
    await expect
      .poll(() => editor.locator('#repeat-preview').textContent())
      .toMatch(/Repeats .*Monday/i);
    await editor.getByRole('button', { name: 'Save' }).click();
    await page.locator('mf-task-editor').waitFor({ state: 'detached' });
    const saved = (await stored(page, 'open')).data.tasks.find((t) => t.title === 'Stretch');
    expect(saved?.repeat).toBe('FREQ=WEEKLY;BYDAY=MO');
    await page.getByRole('button', { name: 'Edit “Stretch”' }).click();
    expect(await page.locator('mf-task-editor').getByLabel('Repeat').inputValue()).not.toBe('');
    await page.locator('mf-task-editor').getByLabel('Repeat').fill('whenever');
    await page.locator('mf-task-editor').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => texts(page, 'mf-task-editor #repeat-error')).not.toEqual([]);
  });

  it('snoozes to the date picked in the Snooze menu', async () => {
    page = await openSidebar(harness, { now: NOW, zone: ZONE, tasks: TASKS });
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
    await page.getByRole('button', { name: 'Snooze “Stretch”' }).click();
    await page.getByRole('menuitem', { name: 'Pick a date…' }).click();
    const date = page.getByLabel('Snooze until', { exact: true });
    expect(await date.getAttribute('min')).toBe('2026-03-11');
    await date.fill('2026-03-20');
    await page.getByRole('dialog').getByRole('button', { name: 'Snooze' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants']);
    expect(await status(page)).toBe('Snoozed “Stretch” until Fri, Mar 20');
    const snoozed = (await stored(page, 'snoozed')).data.tasks;
    expect(snoozed.map((t) => [t.title, t.snoozed_until])).toEqual([
      ['Stretch', '2026-03-20T00:00:00-04:00'],
    ]);
    await page.getByRole('button', { name: 'Undo: Snoozed “Stretch” until Fri, Mar 20' }).click();
    await expect.poll(() => rowTitles(page)).toEqual(['Water plants', 'Stretch']);
  });

  it('shows the day plan: meetings, buffers and task blocks with their reasons, and acts on a block', async () => {
    page = await openSidebar(harness, {
      now: NOW,
      zone: ZONE,
      tasks: [
        { title: 'Write report', priority: 4, effort_minutes: 60, due: '2026-03-10' },
        { title: 'Water plants', priority: 2, effort_minutes: 15 },
      ],
      events: [
        {
          id: 'standup',
          title: 'Team standup',
          start: '2026-03-10T11:00:00-04:00',
          end: '2026-03-10T11:30:00-04:00',
        },
      ],
    });
    await page.getByRole('button', { name: 'Day plan' }).click();
    const plan = page.locator('mf-day-plan');
    await plan.locator('ol .block').first().waitFor();
    expect(await plan.locator('h2').textContent()).toBe('Plan for today, Tue, Mar 10');
    const kinds = await plan
      .locator('ol .block')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds).toContain('event');
    expect(kinds).toContain('task');
    const meeting = plan.locator('.block.event', { hasText: 'Team standup' });
    expect(await meeting.locator('.time').textContent()).toMatch(/11:00 AM.*11:30 AM/);
    const report = plan.locator('.block.task', { hasText: 'Write report' });
    expect((await report.locator('.why').textContent())?.trim()).not.toBe('');
    await report.getByRole('button', { name: 'Done: “Write report”' }).click();
    await expect
      .poll(() => plan.locator('.block.task', { hasText: 'Write report' }).count())
      .toBe(0);
    expect(await status(page)).toBe('Completed “Write report”');
    await plan.getByRole('button', { name: 'Start “Water plants”' }).click();
    await expect.poll(() => status(page)).toBe('Started “Water plants”');
    const open = (await stored(page, 'in_progress')).data.tasks.map((t) => t.title);
    expect(open).toEqual(['Water plants']);
  });
});
