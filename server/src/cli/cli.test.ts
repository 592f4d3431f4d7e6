import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/mindflow.ts', import.meta.url));
const example = fileURLToPath(new URL('../../../sheets-template/Tasks.csv', import.meta.url));
const at = ['--now', '2026-11-25T09:00:00-05:00', '--tz', 'America/New_York'];

function mindflow(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function csvFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mindflow-cli-')), 'tasks.csv');
  writeFileSync(file, text);
  return file;
}

describe('mindflow CLI', () => {
  describe('rank', () => {
    it('ranks the example sheet best first with reasons', () => {
      const r = mindflow('rank', '--csv', example, ...at);
      expect(r.code).toBe(0);
      const lines = r.out.split('\n');
      expect(lines[0]).toContain('8 active of 10 tasks');
      expect(lines[4]).toMatch(
        /^1\s+107\.25\s+Submit expense report\s+2026-11-24\s+Overdue with high priority — do this first/,
      );
      expect(r.out).toContain('Write blog post');
      expect(r.out).not.toContain('Pay rent'); // completed
      expect(r.out).not.toContain('Renew passport'); // snoozed until December
    });

    it('prints JSON objects with id, title, score and reasoning, best first', () => {
      const r = mindflow('rank', '--csv', example, ...at, '--json');
      expect(r.code).toBe(0);
      const ranked = JSON.parse(r.out) as {
        id: string;
        title: string;
        score: number;
        reasoning: { total_score: number };
      }[];
      expect(ranked.map((x) => x.title).slice(0, 3)).toEqual([
        'Submit expense report',
        'Morning review',
        'Write blog post',
      ]);
      expect(ranked.map((x) => x.score).slice(0, 3)).toEqual([107.25, 88, 87.5]);
      for (const x of ranked) expect(x.reasoning.total_score).toBe(x.score);
      const scores = ranked.map((x) => x.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(mindflow('rank', '--csv', example, ...at, '--json').out).toBe(r.out);
    });

    it('reports bad rows with their line number and ranks the rest', () => {
      const file = csvFile(
        'title,priority,due,effort_minutes\nGood one,p1,2026-11-25,15\n,3,,\nOdd priority,urgentish,someday,-5\n"Multi\nline title",2,,\n',
      );
      const r = mindflow('rank', '--csv', file, ...at, '--json');
      expect(r.code).toBe(0);
      expect(r.err).toContain(`${file}:3: title: is empty`);
      expect(r.err).toMatch(
        new RegExp(
          `${file}:4: priority: "urgentish" is not a priority.*due: "someday" is not a date`,
        ),
      );
      const titles = (JSON.parse(r.out) as { title: string }[]).map((x) => x.title);
      expect(titles).toEqual(['Good one', 'Odd priority', 'Multi\nline title']);
    });

    it('fails with a message naming the missing column', () => {
      const r = mindflow('rank', '--csv', csvFile('name,priority\nx,3\n'), ...at);
      expect(r.code).toBe(1);
      expect(r.err).toBe('mindflow: the header row has no title column\n');
    });

    it('refuses bad options with exit code 2 and no stack trace', () => {
      const badNow = mindflow('rank', '--csv', example, '--now', 'yesterday');
      expect(badNow.code).toBe(2);
      expect(badNow.err).toContain("--now: 'yesterday' is not an ISO 8601 date-time");
      const missing = mindflow('rank', '--csv', '/nonexistent/tasks.csv');
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('cannot read /nonexistent/tasks.csv (ENOENT)');
      expect(mindflow('rank').code).toBe(2);
      expect(`${badNow.err}${missing.err}`).not.toMatch(/\n\s+at /);
    });
  });

  describe('parse', () => {
    it('shows what quick add understood as JSON under the model names', () => {
      const r = mindflow(
        'parse',
        'Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday',
        '--now',
        '2026-11-25T09:00:00-05:00',
        '--tz',
        'America/New_York',
        '--json',
      );
      expect(r.code).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({
        title: 'Review Q3 metrics',
        due: '2026-11-27T15:00:00-05:00',
        priority: 5,
        effort_minutes: 45,
        tags: ['work'],
        preferred_time: 'morning',
        repeat: 'FREQ=WEEKLY;BYDAY=MO',
      });
    });
  });

  describe('gpt-schema', () => {
    it('prints an OpenAPI 3.1 document for the web app with the key filled in', () => {
      const r = mindflow(
        'gpt-schema',
        '--gas-url',
        'https://script.google.com/macros/s/AKfy/exec',
        '--key',
        'k-1',
      );
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.servers[0].url).toBe('https://script.google.com/macros/s/AKfy');
      expect(JSON.stringify(doc)).toContain('"enum":["k-1"]');
    });
    it('asks for the key with a web app URL', () => {
      const r = mindflow('gpt-schema', '--gas-url', 'https://script.google.com/macros/s/AKfy/exec');
      expect(r.code).toBe(2);
      expect(r.err).toContain('--key is required');
    });
  });

  describe('plan', () => {
    const ics = fileURLToPath(new URL('../calendar/fixtures/google-work.ics', import.meta.url));
    const args = [
      'plan',
      '--date',
      '2026-11-25',
      '--now',
      '2026-11-25T07:30:00-05:00',
      '--tz',
      'America/New_York',
    ];

    it('plans tasks around the calendar as JSON: busy events included, declined and free ones not', () => {
      const r = mindflow(
        ...args,
        '--csv',
        example,
        '--ics',
        ics,
        '--me',
        'me@example.com',
        '--json',
      );
      expect(r.code).toBe(0);
      const plan = JSON.parse(r.out);
      const events = plan.blocks
        .filter((b: { kind: string }) => b.kind === 'event')
        .map((b: { title: string }) => b.title);
      expect(events).toEqual(['Design review', 'Standup (moved)']);
      expect(plan.blocks[0]).toMatchObject({
        kind: 'task',
        title: 'Submit expense report',
        start: '2026-11-25T09:00:00-05:00',
      });
      for (const b of plan.blocks) expect(typeof b.why).toBe('string');
      expect(plan.all_day).toEqual([expect.objectContaining({ title: 'Team offsite prep day' })]);
      expect(plan.unscheduled).toEqual([
        expect.objectContaining({ title: 'Renew passport', cause: 'snoozed' }),
      ]);
      expect(plan.at_risk.map((a: { title: string }) => a.title)).toEqual([
        'Submit expense report',
      ]);
    });

    it('prints a readable timeline by default', () => {
      const r = mindflow(...args, '--csv', example, '--ics', ics, '--me', 'me@example.com');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Wed 25 Nov · America\/New_York · working hours 09:00–17:30/);
      expect(r.out).toMatch(/11:00–12:00 {2}■ Design review\s+busy in your calendar/);
      expect(r.out).toContain('At risk:');
      expect(r.out).toMatch(/meetings · .* focus · .* free · load \d+%/);
    });

    it('refuses a bad date and an unreadable calendar file', () => {
      expect(mindflow(...args.slice(0, 1), '--date', '25/11/2026').err).toContain(
        "--date: '25/11/2026' is not a date",
      );
      const bad = mindflow(...args, '--ics', csvFile('not a calendar'));
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('is not valid iCalendar');
    });
  });

  describe('--help', () => {
    it('lists the commands and exits 0', () => {
      const r = mindflow('--help');
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/rank \[options\][\s\S]*parse \[options\] <text>[\s\S]*gpt-schema/);
    });
  });
});
