import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../db/sql-client.ts';
import { UserCalendars } from '../calendar/user-calendars.ts';
import { openSqlite } from '../../test-support/databases.ts';
import { FeedServer } from '../../test-support/feed-server.ts';
import { LocalSmtpServer } from '../../test-support/local-smtp-server.ts';
import {
  addPlanUser,
  planEmailInstance,
  TEST_BASE_URL,
} from '../../test-support/plan-email-instances.ts';
import { runPlanEmailTick } from './plan-email-tick.ts';

// Tuesday 24 Nov 2026, 07:35 in New York: five minutes after the chosen 07:30.
const NOW = Date.parse('2026-11-24T07:35:00-05:00');
const ZONE = 'America/New_York';

const meeting = (uid: string, title: string, start: string, end: string) => [
  'BEGIN:VEVENT',
  `UID:${uid}`,
  `SUMMARY:${title}`,
  `DTSTART;TZID=America/New_York:20261124T${start}00`,
  `DTEND;TZID=America/New_York:20261124T${end}00`,
  'END:VEVENT',
];
const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//MindFlow tests//EN',
  ...meeting('standup', 'Standup', '0930', '0945'),
  ...meeting('review', 'Design review <Q4>', '1100', '1200'),
  ...meeting('one-on-one', '1:1 with Sam', '1400', '1430'),
  'END:VCALENDAR',
].join('\r\n');

describe('the morning email over SMTP', () => {
  const smtp = new LocalSmtpServer();
  const feeds = new FeedServer();
  let db: SqlClient;
  let user: { id: string; email: string };
  beforeAll(async () => {
    const smtpUrl = await smtp.start();
    await feeds.start();
    db = await openSqlite();
    user = await addPlanUser(db, {
      email: 'ada@example.com',
      settings: {
        time_zone: ZONE,
        daily_plan: { enabled: true, hour: 7, minute: 30 },
        calendar_sources: [{ kind: 'ics', url: feeds.serve('/ada.ics', FEED) }],
      },
      tasks: [
        { title: 'Board deck', priority: 5, effort_minutes: 60, due: '2026-11-24T16:00:00-05:00' },
        { title: '<script>alert("x")</script> Expense report', priority: 3, effort_minutes: 30 },
        { title: 'Overdue invoice', priority: 4, effort_minutes: 15, due: '2026-11-23' },
        { title: 'Call the plumber', priority: 2, effort_minutes: 30 },
        { title: 'Rewrite the whole app', priority: 1, effort_minutes: 900 },
      ],
    });
    const instance = planEmailInstance(db, {
      name: 'one',
      smtpUrl,
      clock: () => NOW,
      calendars: new UserCalendars({ google: null, ics: { allowPrivateHosts: true } }),
    });
    const report = await runPlanEmailTick(instance);
    expect(report.outcomes).toEqual([{ userId: user.id, date: '2026-11-24', outcome: 'sent' }]);
    instance.mailer.close();
  });
  afterAll(async () => {
    await smtp.stop();
    await feeds.stop();
    await db.close();
  });

  it('arrives once, to the account’s address, from MAIL_FROM, with a stable Message-ID', () => {
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['ada@example.com']);
    expect(mail!.parsed.from?.value).toEqual([{ name: 'MindFlow', address: 'plan@mindflow.test' }]);
    expect(mail!.parsed.messageId).toBe(`<plan.2026-11-24.${user.id}@mindflow.test>`);
  });

  it('says the day in its subject: meetings, tasks planned and focus time', () => {
    expect(smtp.received[0]!.parsed.subject).toBe(
      'Tue 24 Nov — 3 meetings, 4 tasks planned (2h 15m focus)',
    );
  });

  it('has an HTML part with the timeline, the top task and its reason, every value escaped', () => {
    const html = String(smtp.received[0]!.parsed.html);
    expect(html).toContain('Standup');
    expect(html).toContain('Design review &lt;Q4&gt;');
    expect(html).toContain('1:1 with Sam');
    expect(html).toContain('Top task');
    expect(html).toMatch(/<strong>Overdue invoice<\/strong> <span[^>]*>at 09:00<\/span>/);
    expect(html).toContain('Overdue with high priority — do this first');
    expect(html).toContain('Board deck');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Expense report');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Needs attention');
    expect(html).toContain('Overdue invoice');
    expect(html).toContain('Did not fit');
    expect(html).toContain('Rewrite the whole app');
    expect(html).toContain(`href="${TEST_BASE_URL}/"`);
  });

  it('has a plain-text alternative with the same content', () => {
    const text = smtp.received[0]!.parsed.text!;
    const subject = smtp.received[0]!.parsed.subject!;
    expect(text.startsWith(subject)).toBe(true);
    expect(text).toMatch(
      /TOP TASK\nOverdue invoice \(at 09:00\)\nP2 high · score \d+ \/ 133\nOverdue with high priority — do this first/,
    );
    expect(text).toContain('09:30–09:45  Standup');
    expect(text).toContain('Design review <Q4>');
    expect(text).toContain('<script>alert("x")</script> Expense report');
    expect(text).toContain('NEEDS ATTENTION\n- Overdue invoice');
    expect(text).toContain('DID NOT FIT\n- Rewrite the whole app');
    expect(text).toContain(`Open your MindFlow dashboard: ${TEST_BASE_URL}/`);
  });
});
