import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import {
  intlTimeZone,
  planDay,
  renderPlanEmail,
  resolvePlanSettings,
  ZonedCalendar,
} from '@mindflow/shared';
import { makeTask } from '@mindflow/shared/testing';

// The morning email as a phone and a desktop show it, in the system Chromium. Screenshots
// are left in test-results/screenshots/ for a person to look at.

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM_PATH);
const SHOTS = fileURLToPath(new URL('../../../test-results/screenshots/', import.meta.url));
const at = (time: string) => `2026-11-24T${time}:00-05:00`;

function email() {
  const plan = planDay({
    date: '2026-11-24',
    now: Date.parse(at('07:30')),
    calendar: new ZonedCalendar(intlTimeZone, 'America/New_York'),
    settings: resolvePlanSettings(),
    tasks: [
      makeTask({ title: 'Pay rent', due: '2026-11-20', effort_minutes: 30, priority: 5 }),
      makeTask({
        title: 'Write the quarterly report for the board, with every appendix',
        due: '2026-11-24',
        priority: 4,
        effort_minutes: 45,
      }),
      makeTask({ title: 'Email Bob about the offsite', effort_minutes: 15, priority: 2 }),
      makeTask({ title: 'Thesis chapter', effort_minutes: 600 }),
    ],
    events: [
      { title: 'Standup', start: at('09:00'), end: at('09:15') },
      { title: 'Design review with the platform team', start: at('10:00'), end: at('11:00') },
      { title: 'Planning', start: at('13:00'), end: at('15:30') },
    ],
  });
  return renderPlanEmail(plan, {
    appUrl: 'https://mindflow.example.com/',
    appLabel: 'Open your MindFlow dashboard',
    userName: 'Ada',
  });
}

describe.skipIf(!hasChromium)(
  `plan email in Chromium${hasChromium ? '' : ` — SKIPPED: no Chromium at ${CHROMIUM_PATH}`}`,
  { timeout: 60_000 },
  () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({
        executablePath: CHROMIUM_PATH,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      mkdirSync(SHOTS, { recursive: true });
    });
    afterAll(async () => browser?.close());

    for (const width of [360, 1280]) {
      it(`fits ${width} px without sideways scrolling and shows priorities and scores`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.setContent(email().html);
        // Evaluated in the page, which has a DOM; this file is typed for Node.
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        expect(overflow).toBeLessThanOrEqual(0);
        const text = await page.locator('body').innerText();
        expect(text).toMatch(/Pay rent.*\n.*P1 highest · score \d+ \/ 133/);
        expect(text).toMatch(/P2 high · score \d+ \/ 133/);
        // The score bar is drawn: a filled part inside its track.
        const bars = await page
          .locator('span[aria-hidden="true"] > span')
          .evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
        expect(bars.length).toBeGreaterThanOrEqual(2);
        for (const w of bars) expect(w).toBeGreaterThan(0);
        await page.screenshot({ path: `${SHOTS}plan-email-${width}.png`, fullPage: true });
        await page.close();
      });
    }
  },
);
