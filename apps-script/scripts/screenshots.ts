// Screenshots of everything the add-on shows, for a person to look at: the sidebar (300 px,
// as Google Sheets draws it) in its states, and both dialogs at their own size and at 360 px.
// Everything runs for real: the built add-on in the emulator (a Sheet, a calendar), the pages
// in the system Chromium with google.script.run wired to it. Writes PNGs to screenshots/
// (gitignored). Run: npm run screenshots -w @mindflow/apps-script
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildAddOn } from '../build.ts';
import { setUpAddOn } from '../test-support/add-on.ts';
import { launchBrowser, openDialog } from '../test-support/dialog-browser.ts';

const OUT = join(import.meta.dirname, '..', '..', 'screenshots');
// Tuesday 10 March 2026, 09:30 in New York: a working morning with meetings ahead.
const NOW = '2026-03-10T13:30:00Z';

function addOn(webAppUrl = 'https://script.google.com/macros/s/AKfyc-demo/exec') {
  const { app } = setUpAddOn({ now: NOW, webAppUrl });
  app.run('saveDailyPlanSettings', { enabled: true, lunch: { start: '12:00', end: '13:00' } });
  const tasks = [
    { title: 'Finish the Q1 board report', priority: 5, due: '2026-03-10', effort_minutes: 90 },
    { title: 'Review Ana’s pull request', priority: 4, effort_minutes: 30, tags: ['work'] },
    { title: 'Book flights to Lisbon', priority: 3, due: '2026-03-12', tags: ['travel'] },
    { title: 'Water the plants', priority: 2, effort_minutes: 10, repeat: 'every monday' },
    { title: 'Renew passport', priority: 3, due: '2026-03-09', effort_minutes: 45 },
    { title: 'Plan the offsite agenda', priority: 4, effort_minutes: 240, due: '2026-03-10' },
  ];
  for (const t of tasks) app.run('runOperation', 'createTask', t);
  const events = [
    ['Team standup', '2026-03-10T10:00:00-04:00', '2026-03-10T10:30:00-04:00'],
    ['1:1 with Sam', '2026-03-10T14:00:00-04:00', '2026-03-10T15:00:00-04:00'],
    ['Customer call', '2026-03-10T16:00:00-04:00', '2026-03-10T16:45:00-04:00'],
  ] as const;
  for (const [title, start, end] of events) app.emulator.calendars.addEvent({ title, start, end });
  app.emulator.calendars.addCalendar({ id: 'team@group.calendar.google.com', name: 'Team' });
  return app;
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  console.log(`screenshots/${name}.png`);
}

async function sidebar(browser: Browser): Promise<void> {
  const app = addOn();
  const viewport = { width: 300, height: 900 };
  const { page } = await openDialog(browser, app, 'showSidebar', 0, viewport, NOW);
  await page.locator('mf-task-row').first().waitFor();
  await shot(page, 'sidebar-1-tasks');
  await page.locator('mf-best-task summary').click();
  await shot(page, 'sidebar-2-why-this-score');
  await page.getByRole('button', { name: 'Snooze “Review Ana’s pull request”' }).click();
  await shot(page, 'sidebar-3-snooze-menu', false);
  await page.getByRole('menuitem', { name: 'Pick a date…' }).click();
  await shot(page, 'sidebar-4-snooze-date', false);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Done: “Review Ana’s pull request”' }).click();
  await page.locator('mf-undo-bar button').waitFor();
  await shot(page, 'sidebar-5-undo-after-done', false);
  await page.getByRole('button', { name: 'Edit “Water the plants”' }).click();
  await page.locator('mf-task-editor input#repeat').waitFor();
  await shot(page, 'sidebar-6-editor-repeat');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Day plan' }).click();
  await page.locator('mf-day-plan ol .block').first().waitFor();
  await shot(page, 'sidebar-7-day-plan');
  await page.getByRole('button', { name: 'Completed', exact: true }).click();
  await page.locator('mf-completed-list li').first().waitFor();
  await shot(page, 'sidebar-8-done-view');
  await page.close();
}

async function dailyPlan(browser: Browser, width?: number): Promise<void> {
  const app = addOn();
  const viewport = width ? { width, height: 640 } : undefined;
  const { page, errors } = await openDialog(
    browser,
    app,
    'showDailyPlanSettings',
    60,
    viewport,
    NOW,
  );
  try {
    await page.locator('#save:not([disabled])').waitFor({ timeout: 10_000 });
  } catch (error) {
    await shot(page, 'FAILED-daily-plan');
    throw new Error(`${String(error)}\n${errors.join('\n')}`, { cause: error });
  }
  const suffix = width ? `-${width}` : '';
  await shot(page, `daily-plan-settings${suffix}`, false);
  await page.fill('#work-start', '18:00');
  await page.fill('#work-end', '09:00');
  await page.click('#save');
  await page.locator('#summary').waitFor();
  await shot(page, `daily-plan-settings-error${suffix}`, false);
  await page.close();
}

async function connect(browser: Browser, width?: number): Promise<void> {
  const app = addOn();
  const viewport = width ? { width, height: 700 } : undefined;
  const { page } = await openDialog(browser, app, 'showConnectDialog', 60, viewport, NOW);
  await page.getByRole('tab', { name: 'Custom GPT' }).waitFor();
  const suffix = width ? `-${width}` : '';
  await shot(page, `connect-gpt${suffix}`);
  await page.getByRole('tab', { name: /MCP/ }).click();
  await page.getByLabel('Your MindFlow server’s address').fill('https://tasks.example.com');
  await page.getByRole('button', { name: 'Use this address' }).click();
  await page.locator('#status', { hasText: 'Server address saved.' }).waitFor();
  await shot(page, `connect-mcp${suffix}`);
  await page.close();
}

mkdirSync(OUT, { recursive: true });
await buildAddOn();
const browser = await launchBrowser();
try {
  await sidebar(browser);
  await dailyPlan(browser);
  await dailyPlan(browser, 360);
  await dailyPlan(browser, 1280);
  await connect(browser);
  await connect(browser, 360);
  await connect(browser, 1280);
} finally {
  await browser.close();
}
