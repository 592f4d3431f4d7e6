import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// How the CLI meets a terminal: widths, colour, a real TTY, and the Node it runs on.
const bin = fileURLToPath(new URL('../../bin/mindflow.js', import.meta.url));
const example = fileURLToPath(new URL('../../../sheets-template/Tasks.csv', import.meta.url));
const ics = fileURLToPath(new URL('../calendar/fixtures/google-work.ics', import.meta.url));
const at = ['--now', '2026-11-25T09:00:00-05:00', '--tz', 'America/New_York'];
const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[\\d+m`);
const ANSI_ALL = new RegExp(ANSI.source, 'g');

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, COLUMNS: '', NO_COLOR: '', FORCE_COLOR: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Columns a line takes (every character these outputs use is one column wide). */
const width = (line: string) => [...line.replace(ANSI_ALL, '')].length;

function longTitles(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mindflow-cli-')), 'tasks.csv');
  writeFileSync(
    file,
    'title,priority,due\n' +
      'Write the quarterly report for the board with every appendix and the budget,5,2026-11-25\n' +
      'Call the plumber,3,\n',
  );
  return file;
}

describe('mindflow CLI on a terminal', { timeout: 60_000 }, () => {
  describe('tables fitted to the width', () => {
    it('fits 80 columns: long titles cut with …, the why beside them while it has room', () => {
      const r = run(['rank', '--csv', longTitles(), ...at], { COLUMNS: '80' });
      const lines = r.out.trimEnd().split('\n');
      for (const line of lines.slice(1)) expect(width(line), line).toBeLessThanOrEqual(80);
      expect(r.out).toMatch(/Write the quarterly report.*…/);
      expect(r.out).not.toContain('every appendix and the budget');
    });

    it('fits 40 columns: the why goes under the task, the due column goes', () => {
      const r = run(['rank', '--csv', example, ...at], { COLUMNS: '40' });
      const lines = r.out.trimEnd().split('\n');
      for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(40);
      const first = lines.findIndex((l) => /^1\s/.test(l));
      expect(lines[first]).toMatch(/^1\s+107 \/ 133\s+P2\s+Submit expense report$/);
      expect(lines[first + 1]).toBe('   Overdue with high priority — do this…');
      expect(r.out).not.toContain('2026-11-24');
    });

    it('prints whole lines when the output is not a terminal and COLUMNS is unset', () => {
      const r = run(['rank', '--csv', longTitles(), ...at]);
      expect(r.out).toContain('every appendix and the budget');
    });

    it('fits the plan timeline and the help to 40 columns', () => {
      const plan = run(['plan', '--date', '2026-11-25', '--csv', example, '--ics', ics, ...at], {
        COLUMNS: '40',
      });
      expect(plan.code).toBe(0);
      for (const line of plan.out.split('\n')) expect(width(line), line).toBeLessThanOrEqual(40);
      expect(plan.out).toMatch(/11:00–12:00 {2}■ Design review\n\s+busy in your calendar/);
      for (const line of run(['--help'], { COLUMNS: '40' }).out.split('\n'))
        expect(width(line), line).toBeLessThanOrEqual(40);
    });
  });

  describe('colour', () => {
    it('is off in a pipe, on with FORCE_COLOR, and off whenever NO_COLOR is set', () => {
      expect(run(['rank', '--csv', example, ...at]).out).not.toMatch(ANSI);
      const forced = run(['rank', '--csv', example, ...at], { FORCE_COLOR: '1' }).out;
      expect(forced).toContain(`${ESC}[31mP1 highest${ESC}[39m`);
      expect(forced).toContain(`${ESC}[31m2026-11-24${ESC}[39m`); // overdue
      const both = run(['rank', '--csv', example, ...at], { FORCE_COLOR: '1', NO_COLOR: '1' });
      expect(both.out).not.toMatch(ANSI);
    });

    const script = existsSync('/usr/bin/script') ? '/usr/bin/script' : null;
    it.skipIf(script === null)(
      'on a real terminal (util-linux script): coloured and as wide as the terminal, unless NO_COLOR',
      () => {
        const command = (env: string) =>
          `stty cols 50 rows 40; ${env} ${process.execPath} ${bin} rank --csv ${example} ${at.join(' ')}`;
        const tty = (env: string) =>
          execFileSync(script!, ['-qec', command(env), '/dev/null'], {
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', COLUMNS: '' },
          }).replace(/\r/g, '');
        const coloured = tty('');
        expect(coloured).toMatch(ANSI);
        const lines = coloured.trimEnd().split('\n');
        for (const line of lines.slice(1)) expect(width(line), line).toBeLessThanOrEqual(50);
        expect(Math.max(...lines.slice(2).map(width))).toBeGreaterThan(40);
        expect(tty('NO_COLOR=1')).not.toMatch(ANSI);
      },
    );
  });

  describe('the Node it runs on', () => {
    const node24 = dirname(process.execPath);

    it('runs directly (the shebang) with Node 22+ first on PATH', () => {
      const r = spawnSync(bin, ['--version'], {
        encoding: 'utf8',
        env: { ...process.env, PATH: `${node24}:/usr/bin:/bin` },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });

    // Other Nodes to prove "22 or newer" on (e.g. MINDFLOW_TEST_NODES=/opt/node22/bin/node).
    const others = (process.env.MINDFLOW_TEST_NODES ?? '').split(':').filter(Boolean);
    it.skipIf(others.length === 0)(
      `ranks and plans on each Node in MINDFLOW_TEST_NODES (${others.join(', ') || 'unset'})`,
      () => {
        for (const other of others) {
          const r = spawnSync(other, [bin, 'rank', '--csv', example, '--limit', '1', ...at], {
            encoding: 'utf8',
          });
          expect(r.stderr, other).toBe('');
          expect(r.stdout).toMatch(/^1\s+107 \/ 133\s+P2 high\s+Submit expense report/m);
          const plan = spawnSync(other, [bin, 'plan', '--date', 'today', '--csv', example, ...at], {
            encoding: 'utf8',
          });
          expect(plan.status, plan.stderr).toBe(0);
        }
      },
    );

    // The system's Node (Debian's is 20), found the way the shell would.
    const systemNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => existsSync(p));
    const systemMajor = systemNode
      ? Number(
          execFileSync(systemNode, ['-p', 'process.versions.node.split(".")[0]'], {
            encoding: 'utf8',
          }),
        )
      : null;
    it.skipIf(systemMajor === null || systemMajor >= 22)(
      `says it needs Node 22 or newer on an older Node (system node: ${systemNode ?? 'none'} ${systemMajor ?? ''})`,
      () => {
        for (const r of [
          spawnSync(systemNode!, [bin, 'rank', '--csv', example], { encoding: 'utf8' }),
          spawnSync(bin, ['--help'], {
            encoding: 'utf8',
            env: { ...process.env, PATH: `${dirname(systemNode!)}:/bin` },
          }),
        ]) {
          expect(r.status).toBe(1);
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(
            /^mindflow: needs Node 22 or newer; this is Node v\d+\.\d+\.\d+ .*\n$/,
          );
        }
      },
    );
  });
});
