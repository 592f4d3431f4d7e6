import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Spawns the built bin, as a user runs it (the server's vitest global setup builds it).
const bin = fileURLToPath(new URL('../../bin/mindflow.js', import.meta.url));
const example = fileURLToPath(new URL('../../../sheets-template/Tasks.csv', import.meta.url));
const at = ['--now', '2026-11-25T09:00:00-05:00', '--tz', 'America/New_York'];

function mindflow(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    input,
    env: { ...process.env, COLUMNS: '', NO_COLOR: '', FORCE_COLOR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function csvFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mindflow-cli-')), 'tasks.csv');
  writeFileSync(file, text);
  return file;
}

interface RankedJson {
  id: string;
  title: string;
  score: number;
  reasoning: { total_score: number };
}

// Each test spawns the CLI several times; a loaded machine makes that slow, not wrong.
describe('mindflow CLI', { timeout: 60_000 }, () => {
  describe('rank', () => {
    it('ranks the example sheet best first, with priorities as P1–P5 and scores on their scale', () => {
      const r = mindflow(['rank', '--csv', example, ...at]);
      expect(r.code).toBe(0);
      const lines = r.out.split('\n');
      expect(lines[0]).toContain('8 active of 10 tasks');
      expect(lines[2]).toMatch(/^#\s+score\s+priority\s+task\s+due\s+why$/);
      expect(lines[3]).toMatch(
        /^1\s+107 \/ 133\s+P2 high\s+Submit expense report\s+2026-11-24\s+Overdue with high priority — do this first/,
      );
      expect(r.out).toMatch(/Prepare Q1 planning deck\s+2026-12-04 15:00/);
      expect(r.out).toMatch(/P1 highest\s+Prepare Q1 planning deck/);
      expect(r.out).toContain('Write blog post');
      expect(r.out).not.toContain('Pay rent'); // completed
      expect(r.out).not.toContain('Renew passport'); // snoozed until December
    });

    it('prints JSON objects with id, title, score and reasoning, best first', () => {
      const r = mindflow(['rank', '--csv', example, ...at, '--json']);
      expect(r.code).toBe(0);
      const ranked = JSON.parse(r.out) as RankedJson[];
      expect(ranked.map((x) => x.title).slice(0, 3)).toEqual([
        'Submit expense report',
        'Morning review',
        'Write blog post',
      ]);
      expect(ranked.map((x) => x.score).slice(0, 3)).toEqual([107.25, 88, 87.5]);
      for (const x of ranked) expect(x.reasoning.total_score).toBe(x.score);
      const scores = ranked.map((x) => x.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(mindflow(['rank', '--csv', example, ...at, '--json']).out).toBe(r.out);
    });

    it('--limit N shows the best N, the same as the head of the whole ranking', () => {
      // Many ties on score, so the tie-breaks (due, created, id) decide the places.
      const header = 'id,title,priority,due,effort_minutes,created_at,updated_at\n';
      const rows = Array.from({ length: 300 }, (_, i) => {
        const id = `00000000-0000-4000-8000-${String(1000 + ((i * 7919) % 300)).padStart(12, '0')}`;
        const due = i % 3 === 0 ? '' : `2026-11-${String(20 + (i % 9)).padStart(2, '0')}`;
        const created = `2026-11-0${1 + (i % 5)}T09:00:00.000Z`;
        return `${id},Task ${i},${1 + (i % 5)},${due},${15 * (1 + (i % 4))},${created},${created}`;
      });
      const file = csvFile(header + rows.join('\n'));
      const all = JSON.parse(
        mindflow(['rank', '--csv', file, ...at, '--json']).out,
      ) as RankedJson[];
      for (const n of [1, 7, 64]) {
        const top = JSON.parse(
          mindflow(['rank', '--csv', file, ...at, '--json', '--limit', String(n)]).out,
        ) as RankedJson[];
        expect(top.map((x) => x.id)).toEqual(all.slice(0, n).map((x) => x.id));
      }
      const table = mindflow(['rank', '--csv', file, ...at, '--limit', '3']);
      expect(table.out.split('\n')[0]).toMatch(/^the best 3 of 300 active tasks \(300 in all\)/);
      expect(table.out.trimEnd().split('\n')).toHaveLength(3 + 3);
    });

    it('reads the CSV from standard input with --csv -', () => {
      const fromFile = mindflow(['rank', '--csv', example, ...at, '--json']);
      const fromStdin = mindflow(
        ['rank', '--csv', '-', ...at, '--json'],
        readFileSync(example, 'utf8'),
      );
      expect(fromStdin.code).toBe(0);
      expect(fromStdin.out).toBe(fromFile.out);
      const bad = mindflow(['rank', '--csv', '-', ...at], 'title,priority\n,3\nok,high\n');
      expect(bad.err).toContain('stdin:2: title: is empty');
    });

    it('reports bad rows with their line number and ranks the rest', () => {
      const file = csvFile(
        'title,priority,due,effort_minutes\nGood one,p1,2026-11-25,15\n,3,,\nOdd priority,urgentish,someday,-5\n"Multi\nline title",2,,\n',
      );
      const r = mindflow(['rank', '--csv', file, ...at, '--json']);
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
      const r = mindflow(['rank', '--csv', csvFile('name,priority\nx,3\n'), ...at]);
      expect(r.code).toBe(1);
      expect(r.err).toBe('mindflow: the header row has no title column\n');
    });

    it('says so when nothing is left to do', () => {
      const r = mindflow(['rank', '--csv', csvFile('title,status\nDone thing,completed\n'), ...at]);
      expect(r.code).toBe(0);
      expect(r.out).toContain('nothing to do: every task is completed or snoozed — add a task');
    });
  });

  describe('usage errors', () => {
    const oneLine = (text: string) => expect(text).toMatch(/^mindflow: [^\n]+\n$/);

    it('are one line with exit code 2 and no stack trace', () => {
      const cases: [string[], RegExp][] = [
        [['rank', '--csv', example, '--now', 'yesterday'], /--now: 'yesterday' is not an ISO 8601/],
        [
          ['rank', '--csv', '/nonexistent/tasks.csv'],
          /cannot read \/nonexistent\/tasks.csv \(ENOENT\)/,
        ],
        [['rank'], /missing --csv FILE: .*\(see mindflow rank --help\)/],
        [
          ['rank', '--csv', example, '--limt', '3'],
          /unknown option '--limt' \(did you mean --limit\?\)/,
        ],
        [
          ['rank', '--csv', example, '--limit', '0'],
          /--limit: '0' is not a whole number of 1 or more/,
        ],
        [['rank', '--csv'], /--csv needs a value/],
        [['rank', '--csv', example, 'extra'], /unexpected argument 'extra'/],
        [['rnak'], /unknown command 'rnak'; the commands are rank, parse, plan/],
        [['--verbose'], /unknown option '--verbose'/],
        [
          ['plan', '--date', '25/11/2026'],
          /--date: '25\/11\/2026' is not a date YYYY-MM-DD, today or tomorrow/,
        ],
        [['parse'], /missing TEXT/],
        [
          ['gpt-schema', '--gas-url', 'https://script.google.com/macros/s/AKfy/exec'],
          /--key is required/,
        ],
      ];
      for (const [args, message] of cases) {
        const r = mindflow(args);
        expect(r.code, args.join(' ')).toBe(2);
        oneLine(r.err);
        expect(r.err).toMatch(message);
      }
    });
  });

  describe('--version and --help', () => {
    it('prints the package version', () => {
      const version = (
        JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
          version: string;
        }
      ).version;
      expect(mindflow(['--version'])).toMatchObject({ code: 0, out: `${version}\n` });
      expect(mindflow(['-V']).out).toBe(`${version}\n`);
    });

    it('lists every command and exits 0; each command has its own help', () => {
      const r = mindflow(['--help']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(
        /rank --csv FILE\|- \[--limit N\][\s\S]*parse TEXT[\s\S]*plan[\s\S]*gpt-schema[\s\S]*migrate[\s\S]*mcp --user EMAIL/,
      );
      const rank = mindflow(['rank', '--help']);
      expect(rank.code).toBe(0);
      expect(rank.out).toMatch(/^Usage: mindflow rank --csv FILE\|- \[--limit N\]/);
      expect(rank.out).toMatch(/--limit N\s+show only the best N tasks/);
      expect(rank.out).toContain('Scores are out of 133');
      expect(mindflow(['help', 'plan']).out).toMatch(
        /--date DAY\s+the day to plan: YYYY-MM-DD, today or tomorrow/,
      );
      const bare = mindflow([]);
      expect(bare).toMatchObject({ code: 2, out: '' });
      expect(bare.err).toBe(
        'mindflow: which command? rank, parse, plan, gpt-schema, migrate, mcp (see mindflow --help)\n',
      );
    });
  });

  describe('parse', () => {
    it('shows what quick add understood as JSON under the model names', () => {
      const r = mindflow([
        'parse',
        'Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday',
        ...at,
        '--json',
      ]);
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

    it('shows the priority the way it was typed: p1 is P1 highest', () => {
      const r = mindflow(['parse', 'Call Sam p1', ...at]);
      expect(r.out).toMatch(/^priority\s+P1 highest$/m);
      expect(mindflow(['parse', 'Call Sam !low', ...at]).out).toMatch(/^priority\s+P4 low$/m);
      expect(mindflow(['parse', 'Call Sam', ...at]).out).toMatch(/^priority\s+— \(P3 normal\)$/m);
    });
  });

  describe('gpt-schema', () => {
    it('prints an OpenAPI 3.1 document for the web app with the key filled in', () => {
      const r = mindflow([
        'gpt-schema',
        '--gas-url',
        'https://script.google.com/macros/s/AKfy/exec',
        '--key',
        'k-1',
      ]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.openapi).toBe('3.1.0');
      expect(doc.servers[0].url).toBe('https://script.google.com/macros/s/AKfy');
      expect(JSON.stringify(doc)).toContain('"enum":["k-1"]');
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
      const r = mindflow([
        ...args,
        '--csv',
        example,
        '--ics',
        ics,
        '--me',
        'me@example.com',
        '--json',
      ]);
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
      const r = mindflow([...args, '--csv', example, '--ics', ics, '--me', 'me@example.com']);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/^Wed 25 Nov · America\/New_York · working hours 09:00–17:30/);
      expect(r.out).toMatch(/11:00–12:00 {2}■ Design review\s+busy in your calendar/);
      expect(r.out).toContain('At risk:');
      expect(r.out).toMatch(/meetings · .* focus · .* free · load \d+%/);
    });

    it('plans today or tomorrow in the given zone with --date today|tomorrow', () => {
      // 23:30 on the 24th in New York is already the 25th in UTC.
      const late = ['--now', '2026-11-24T23:30:00-05:00', '--tz', 'America/New_York', '--json'];
      expect(JSON.parse(mindflow(['plan', '--date', 'today', ...late]).out).date).toBe(
        '2026-11-24',
      );
      expect(JSON.parse(mindflow(['plan', '--date', 'Tomorrow', ...late]).out).date).toBe(
        '2026-11-25',
      );
    });

    it('refuses an unreadable calendar file', () => {
      const bad = mindflow([...args, '--ics', csvFile('not a calendar')]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('is not valid iCalendar');
    });
  });
});
