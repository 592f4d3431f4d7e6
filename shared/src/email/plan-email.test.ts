import { describe, expect, it } from 'vitest';
import { planDay, type PlanDayInput } from '../planner/plan-day.ts';
import { resolvePlanSettings } from '../planner/plan-settings.ts';
import { makeTask } from '../testing/task-factory.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import { renderPlanEmail } from './plan-email.ts';

const NY = new ZonedCalendar(intlTimeZone, 'America/New_York');
const at = (time: string) => `2026-11-24T${time}:00-05:00`;
const options = {
  appUrl: 'https://mindflow.example.com/dashboard',
  appLabel: 'Open the dashboard',
};

function plan(input: Partial<PlanDayInput> = {}) {
  return planDay({
    date: '2026-11-24',
    now: Date.parse(at('07:30')),
    calendar: NY,
    tasks: [],
    settings: resolvePlanSettings(),
    ...input,
  });
}

/** Tuesday: three meetings and four tasks worth 2h 15m, one overdue, one that cannot fit. */
function busyDay() {
  return plan({
    tasks: [
      makeTask({
        title: 'Write <script>alert("x")</script> & co',
        due: '2026-11-24',
        priority: 4,
        effort_minutes: 30,
      }),
      makeTask({ title: 'Pay rent', due: '2026-11-20', effort_minutes: 30 }),
      makeTask({ title: 'Review', effort_minutes: 45 }),
      makeTask({ title: 'Email Bob', effort_minutes: 30 }),
      makeTask({ title: 'Thesis', effort_minutes: 600 }),
      makeTask({ title: 'Later', status: 'snoozed', snoozed_until: '2026-11-30T09:00:00-05:00' }),
    ],
    events: [
      { title: 'Standup', start: at('09:00'), end: at('09:15') },
      { title: 'Tom & Jerry <1:1>', start: at('10:00'), end: at('11:00') },
      { title: 'Planning', start: at('13:00'), end: at('17:30') },
      { title: 'Anniversary "Ann"', start: '2026-11-24', end: '2026-11-25' },
    ],
  });
}

describe('plan-email', () => {
  describe('renderPlanEmail', () => {
    it('writes the subject as day — meetings, tasks planned (focus)', () => {
      expect(renderPlanEmail(busyDay(), options).subject).toBe(
        'Tue 24 Nov — 3 meetings, 4 tasks planned (2h 15m focus)',
      );
      const one = plan({
        tasks: [makeTask({ effort_minutes: 45 })],
        events: [{ title: 'Sync', start: at('09:00'), end: at('09:30') }],
      });
      expect(renderPlanEmail(one, options).subject).toBe(
        'Tue 24 Nov — 1 meeting, 1 task planned (45m focus)',
      );
      expect(renderPlanEmail(plan({ date: '2026-11-28' }), options).subject).toBe(
        'Sat 28 Nov — not a working day',
      );
    });

    it('escapes every task and event value in the HTML part and keeps them plain in the text', () => {
      const { html, text } = renderPlanEmail(busyDay(), { ...options, userName: 'Ada <admin>' });
      expect(html).not.toMatch(/<script|<1:1>|<admin>/);
      expect(html).toContain('Write &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
      expect(html).toContain('Tom &amp; Jerry &lt;1:1&gt;');
      expect(html).toContain('Anniversary &quot;Ann&quot;');
      expect(html).toContain('Good morning, Ada &lt;admin&gt;.');
      expect(text).toContain('Write <script>alert("x")</script> & co');
      expect(text).toContain('Good morning, Ada <admin>.');
    });

    it('says the same things in the same order in both parts: risks, top task, day, misfits', () => {
      const { html, text } = renderPlanEmail(busyDay(), options);
      const order = ['Needs attention', 'Top task', 'Your day', 'All day', 'Did not fit'];
      const positions = (body: string, words: string[]) => words.map((w) => body.indexOf(w));
      expect(
        positions(html, order).every((p, i, all) => p > 0 && (i === 0 || p > all[i - 1]!)),
      ).toBe(true);
      const upper = order.map((w) => w.toUpperCase());
      expect(
        positions(text, upper).every((p, i, all) => p > 0 && (i === 0 || p > all[i - 1]!)),
      ).toBe(true);
      for (const word of [
        'Pay rent',
        'overdue since Fri 20 Nov',
        'Thesis',
        'needs 600 min',
        '1 snoozed task is hidden',
      ]) {
        expect(html).toContain(word);
        expect(text).toContain(word);
      }
      expect(text).toContain('09:15–09:20  (buffer)');
    });

    it('shows the top task with its start, priority (P1–P5), score on its scale and why', () => {
      const { text, html } = renderPlanEmail(busyDay(), options);
      expect(text).toContain(
        'TOP TASK\nPay rent (at 09:20)\nP3 normal · score 88 / 133\nOverdue — clear it before it slips further',
      );
      expect(text).toMatch(/Then:\n- Write <script>.*\n {2}P2 high · score \d+ \/ 133\n/);
      expect(html).toContain('P3 normal · score 88 / 133');
      // The bar is as long as the score's share of the scale.
      expect(html).toMatch(/<span style="display:block;width:66%;/);
    });

    it('links to the Sheet or dashboard, and never to anything but http(s)', () => {
      const sheet = renderPlanEmail(busyDay(), {
        appUrl: 'https://docs.google.com/spreadsheets/d/abc/edit?a=1&b=2',
        appLabel: 'Open your Sheet',
      });
      expect(sheet.html).toContain(
        'href="https://docs.google.com/spreadsheets/d/abc/edit?a=1&amp;b=2"',
      );
      expect(sheet.text).toContain(
        'Open your Sheet: https://docs.google.com/spreadsheets/d/abc/edit?a=1&b=2',
      );
      const bad = renderPlanEmail(busyDay(), { appUrl: 'javascript:alert(1)', appLabel: 'Open' });
      expect(bad.html).not.toContain('javascript:');
      expect(bad.text).not.toContain('javascript:');
    });

    it('renders a day off without a timeline, saying why', () => {
      const { html, text } = renderPlanEmail(
        plan({ date: '2026-11-28', tasks: [makeTask()] }),
        options,
      );
      expect(text).toContain('Saturday is not one of your working days (Mon–Fri).');
      expect(text).not.toContain('YOUR DAY');
      expect(html).not.toContain('Your day');
    });
  });
});
