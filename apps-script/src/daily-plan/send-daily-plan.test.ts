import { describe, expect, it } from 'vitest';
import type { LoadedBundle } from '@mindflow/apps-script-emulator';
import { callWeb, logRows, setUpAddOn } from '../../test-support/add-on.ts';

// Friday 27 November 2026, 07:30 in New York (the Sheet's zone): the trigger's hour.
const NOW = '2026-11-27T12:30:00Z';
const TEAM = 'team@group.calendar.google.com';
const XSS = '<script>alert(1)</script> & co';
const at = (hhmm: string) => `2026-11-27T${hhmm}:00-05:00`;

interface Report {
  status: string;
  date: string;
  message: string;
  to?: string;
  subject?: string;
}

function setup(): { app: LoadedBundle; key: string } {
  const { app, key } = setUpAddOn({ now: NOW });
  const em = app.emulator;
  em.calendars.addCalendar({ id: TEAM, name: 'Team' });
  em.seedEvent({ title: 'Standup', start: at('09:00'), end: at('09:15'), myStatus: 'YES' });
  em.seedEvent({ title: 'Vendor pitch', start: at('10:00'), end: at('11:00'), myStatus: 'NO' });
  em.seedEvent({ title: 'Design review', start: at('11:00'), end: at('12:00'), myStatus: 'YES' });
  em.seedEvent({ title: 'Gym', start: at('12:15'), end: at('13:00'), transparency: 'TRANSPARENT' });
  em.seedEvent({ title: 'Company offsite week', start: '2026-11-27', allDay: true });
  em.seedEvent({
    title: 'Sprint planning',
    start: at('14:00'),
    end: at('15:00'),
    calendarId: TEAM,
  });
  const task = (input: Record<string, unknown>) => callWeb(app, key, 'createTask', input);
  task({ title: 'Write the quarterly report', priority: 5, effort_minutes: 90, due: '2026-11-27' });
  task({ title: XSS, priority: 3, effort_minutes: 30 });
  task({ title: 'Rewrite the billing system', priority: 2, effort_minutes: 900 });
  task({ title: 'Renew passport', priority: 4, effort_minutes: 15, due: '2026-11-25' });
  const saved = app.run('saveDailyPlanSettings', {
    enabled: true,
    hour: 7,
    minute: 30,
    calendar_ids: [TEAM],
  }) as { ok: boolean };
  expect(saved.ok).toBe(true);
  return { app, key };
}

const sendRows = (app: LoadedBundle) => logRows(app).filter((r) => r[1] === 'sendDailyPlan');
const escapeHtml = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

describe('send-daily-plan', () => {
  describe('sendDailyPlan (the time-driven trigger)', () => {
    it('sends one email: subject, meetings, planned tasks, the top task and why, a link to the Sheet', () => {
      const { app, key } = setup();
      const plan = callWeb(app, key, 'getDailyPlan').data;
      const report = app.runTrigger('sendDailyPlan') as Report;

      expect(report).toMatchObject({ status: 'sent', date: '2026-11-27', to: 'owner@example.com' });
      const sent = app.emulator.mail.sent;
      expect(sent).toHaveLength(1);
      const mail = sent[0]!;
      expect(mail.to).toEqual(['owner@example.com']);
      expect(mail.name).toBe('MindFlow');
      expect(mail.subject).toBe('Fri 27 Nov — 3 meetings, 3 tasks planned (2h 15m focus)');
      expect(mail.subject).toBe(report.subject);

      const html = mail.htmlBody ?? '';
      for (const part of [html, mail.body]) {
        for (const meeting of ['Standup', 'Design review', 'Sprint planning']) {
          expect(part).toContain(meeting);
        }
        expect(part).not.toContain('Vendor pitch'); // declined
        expect(part).not.toContain('Gym'); // shown as free
        expect(part).toContain('Company offsite week'); // all-day context
        expect(part).toContain('Write the quarterly report');
        expect(part).toContain('Rewrite the billing system'); // did not fit
        expect(part).toContain('Renew passport'); // overdue
      }
      const top = plan.top_tasks[0];
      expect(top.title).toBe('Renew passport'); // overdue comes first
      expect(html).toContain(escapeHtml(top.recommendation));
      expect(mail.body).toContain(top.recommendation);

      expect(html).toContain(escapeHtml(XSS));
      expect(html).not.toContain('<script>');
      expect(mail.body).toContain(XSS);

      const url = app.emulator.spreadsheet().url();
      expect(html).toContain(`href="${escapeHtml(url)}"`);
      expect(mail.body).toContain(url);

      expect(sendRows(app)).toEqual([
        [
          expect.any(Date),
          'sendDailyPlan',
          '',
          'trigger',
          `sent: to owner@example.com: ${mail.subject}`,
        ],
      ]);
    });

    it('sends nothing on a second run the same local day, and logs the skip', () => {
      const { app } = setup();
      app.runTrigger('sendDailyPlan');
      app.emulator.clock.set('2026-11-27T20:00:00Z');
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'skipped' });
      expect(app.emulator.mail.sent).toHaveLength(1);
      expect(sendRows(app).at(-1)).toEqual([
        expect.any(Date),
        'sendDailyPlan',
        '',
        'trigger',
        'skipped: already sent for 2026-11-27',
      ]);
    });

    it('sends again the next local day', () => {
      const { app } = setup();
      app.runTrigger('sendDailyPlan');
      app.emulator.clock.set('2026-11-28T12:30:00Z');
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'sent', date: '2026-11-28' });
      expect(app.emulator.mail.sent.map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Fri 27 Nov/),
        'Sat 28 Nov — not a working day',
      ]);
    });

    it('with the mail quota spent: sends nothing, logs why, and sends once the quota is back', () => {
      const { app } = setup();
      app.emulator.mail.resetQuota(0);
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'failed' });
      expect(app.emulator.mail.sent).toEqual([]);
      expect(sendRows(app)).toEqual([
        [
          expect.any(Date),
          'sendDailyPlan',
          '',
          'trigger',
          "failed: MailApp's daily email quota is used up (0 left today), so the plan was not sent",
        ],
      ]);
      app.emulator.mail.resetQuota();
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'sent' });
    });

    it('when the default calendar cannot be read: sends nothing and logs the reason', () => {
      const { app } = setup();
      app.emulator.calendars.fail(app.emulator.ownerEmail);
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'failed' });
      expect(app.emulator.mail.sent).toEqual([]);
      expect(sendRows(app)).toEqual([
        [
          expect.any(Date),
          'sendDailyPlan',
          '',
          'trigger',
          "failed: the plan could not be made: Your calendar could not be read right now; try again shortly (We're sorry, a server error occurred. Please wait a bit and try again.)",
        ],
      ]);
      expect(app.emulator.logs.lines.map((l) => l.message).join('\n')).toContain(
        'MindFlow sendDailyPlan: failed',
      );
    });

    it('when a chosen calendar is gone: sends the plan without it and says so in the email', () => {
      const { app } = setup();
      app.emulator.calendars.removeCalendar(TEAM);
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'sent' });
      const mail = app.emulator.mail.sent[0]!;
      expect(mail.subject).toMatch(/— 2 meetings,/);
      expect(mail.body).toContain(`The calendar ${TEAM} is no longer available to you`);
    });

    it('when the Tasks sheet is gone: sends nothing and logs the repair hint', () => {
      const { app } = setup();
      const model = app.emulator.spreadsheet();
      model.removeSheet(model.requireSheet('Tasks'));
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'failed' });
      expect(app.emulator.mail.sent).toEqual([]);
      expect(String(sendRows(app)[0]?.[4])).toContain('Set up / repair sheet');
    });

    it('left over after the email was turned off: sends nothing and removes itself', () => {
      const { app } = setup();
      const props = app.emulator.properties.user(app.emulator.ownerEmail);
      const stored = JSON.parse(props.get('DAILY_PLAN_SETTINGS') ?? '{}') as object;
      props.set('DAILY_PLAN_SETTINGS', JSON.stringify({ ...stored, enabled: false }));
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'skipped' });
      expect(app.emulator.mail.sent).toEqual([]);
      expect(app.emulator.triggers.find('sendDailyPlan')).toBeUndefined();
      expect(sendRows(app)[0]?.[4]).toBe(
        'skipped: the daily plan email is off; its leftover trigger was removed',
      );
    });

    it('waits for a write holding the script lock, then sends', () => {
      const { app } = setup();
      app.emulator.locks.holdBy('other', { releaseAfterMs: 5_000 });
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'sent' });
    });
  });

  describe('sendTestDailyPlan ("Send me a test now")', () => {
    it("sends today's plan at once, logged as a test, without using up the day's email", () => {
      const { app } = setup();
      const report = app.run('sendTestDailyPlan') as Report;
      expect(report).toMatchObject({ status: 'sent', to: 'owner@example.com' });
      expect(report.message).toMatch(/^to owner@example\.com: Fri 27 Nov — 3 meetings/);
      expect(sendRows(app)[0]?.slice(1)).toEqual([
        'sendDailyPlan',
        '',
        'dialog',
        `test, sent: ${report.message}`,
      ]);
      expect(app.runTrigger('sendDailyPlan')).toMatchObject({ status: 'sent' });
      expect(app.run('sendTestDailyPlan')).toMatchObject({ status: 'sent' });
      expect(app.emulator.mail.sent).toHaveLength(3);
    });

    it('works while the morning email is off, and reports a failure instead of throwing', () => {
      const { app } = setup();
      app.run('saveDailyPlanSettings', { enabled: false });
      expect(app.run('sendTestDailyPlan')).toMatchObject({ status: 'sent' });
      app.emulator.mail.resetQuota(0);
      expect(app.run('sendTestDailyPlan')).toMatchObject({
        status: 'failed',
        message: expect.stringContaining('quota is used up'),
      });
      expect(sendRows(app).map((r) => r[3])).toEqual(['dialog', 'dialog']);
    });
  });

  describe('getDailyPlan for the sidebar and the GPT', () => {
    it('reads the same calendars and working hours as the email', () => {
      const { app, key } = setup();
      app.run('saveDailyPlanSettings', {
        enabled: true,
        calendar_ids: [TEAM],
        working_hours: { start: '08:00', end: '16:00' },
      });
      const plan = callWeb(app, key, 'getDailyPlan').data;
      expect(plan.working_hours).toEqual({ start: '08:00', end: '16:00' });
      const meetings = plan.blocks.filter((b: { kind: string }) => b.kind === 'event');
      expect(meetings.map((b: { title: string }) => b.title)).toEqual([
        'Standup',
        'Design review',
        'Sprint planning',
      ]);
    });
  });
});
