import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { misnamed, repositoryPaths } from './file-names.ts';

// Each fence, proven by a deliberate offender: ESLint's own API lints an in-memory file placed
// (by path) where the offence would be, with the repository's eslint.config.js.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint fences', () => {
  describe('hosts', () => {
    it('lets a host import the core: the control for every case below', async () => {
      expect(
        await problems('web/src/probe.ts', "export { rankTasks } from '@mindflow/shared';\n"),
      ).toEqual([]);
    });

    it.each([
      ['web/src/probe.ts', '../../server/src/config/env.ts', 'web/ must not import server/'],
      ['web/src/probe.ts', '@mindflow/server/src/main.ts', 'web/ must not import server/'],
      ['apps-script/src/probe.ts', '../../web/src/sidebar.ts', 'apps-script/ must not import web/'],
      [
        'server/src/probe.ts',
        '../../apps-script/src/main.ts',
        'server/ must not import apps-script/',
      ],
      ['server/test-support/probe.ts', '../../web/test/fixture.ts', 'server/ must not import web/'],
    ])('%s may not import %s', async (path, from, message) => {
      expect(await problems(path, `export * from '${from}';\n`)).toEqual([
        expect.stringContaining(message),
      ]);
    });

    it("lets a host's build embed web's pages through web/build.ts", async () => {
      expect(
        await problems('apps-script/probe.ts', "export * from '@mindflow/web/build';\n"),
      ).toEqual([]);
    });

    it.each([
      ['shared/src/probe.ts', '../../server/src/main.ts', 'shared/ sits below the hosts'],
      [
        'apps-script-emulator/src/probe.ts',
        '../../apps-script/src/main.ts',
        'apps-script-emulator/ sits below the hosts',
      ],
    ])('%s, below the hosts, may not import %s', async (path, from, message) => {
      expect(await problems(path, `export * from '${from}';\n`)).toContainEqual(
        expect.stringContaining(message),
      );
    });
  });

  describe('test support', () => {
    it.each([
      ['server/src/http/probe.ts', '../../test-support/databases.ts'],
      ['apps-script/src/probe.ts', '@mindflow/apps-script-emulator'],
      ['web/src/probe.ts', '@mindflow/shared/testing'],
      ['shared/src/task/probe.ts', '../testing/task-factory.ts'],
    ])('production source %s may not import %s', async (path, from) => {
      expect(await problems(path, `export * from '${from}';\n`)).toEqual([
        expect.stringMatching(/Production source must not import .*: it exists for tests only/),
      ]);
    });

    it('lets a test beside the source import test support', async () => {
      const code = "export * from '../../test-support/databases.ts';\n";
      expect(await problems('server/src/http/probe.test.ts', code)).toEqual([]);
    });
  });

  describe('process.env', () => {
    it('is read only in server/src/config/env.ts', async () => {
      const code = 'export const port = process.env.PORT;\n';
      expect(await problems('server/src/http/probe.ts', code)).toEqual([
        expect.stringContaining('Only server/src/config/env.ts reads process.env'),
      ]);
      expect(await problems('server/src/config/env.ts', code)).toEqual([]);
    });

    it('is caught however it is reached', async () => {
      const code = [
        "import { env } from 'node:process';",
        'const { env: e } = process;',
        'export const all = [env, e, globalThis.process.env];',
      ].join('\n');
      expect(await problems('web/build-probe.ts', code)).toHaveLength(3);
    });
  });

  describe('test servers', () => {
    it.each(['server/test-support/probe.ts', 'server/src/probe.ts'])(
      'listen through listenOnFreePort, not another listen(0) (%s)',
      async (path) => {
        const code =
          "import { createServer } from 'node:http';\ncreateServer().listen(0, '127.0.0.1');\n";
        expect(await problems(path, code)).toEqual([
          expect.stringContaining('Use listenOnFreePort(server)'),
        ]);
      },
    );
  });

  describe('ts comments', () => {
    it('allow a suppression only with a reason', async () => {
      const bare = '// @ts-expect-error\nexport const n: number = "x";\n';
      const said =
        '// @ts-expect-error -- the fixture is deliberately mistyped\nexport const n: number = "x";\n';
      expect(await problems('server/src/probe.ts', bare)).toEqual([
        expect.stringContaining('@typescript-eslint/ban-ts-comment'),
      ]);
      expect(await problems('server/src/probe.ts', said)).toEqual([]);
    });
  });

  describe('Lit components', () => {
    const element = (tag: string, field: string) =>
      [
        "import { LitElement, html } from 'lit';",
        `export class MfProbe extends LitElement {`,
        '  static properties = { label: { type: String } };',
        `  ${field}`,
        '  render() { return html`<p>${this.label}</p>`; }',
        '}',
        `customElements.define('${tag}', MfProbe);`,
      ].join('\n');

    it('accepts an element named after its file', async () => {
      expect(
        await problems(
          'web/src/components/mf-probe.ts',
          element('mf-probe', 'declare label: string;'),
        ),
      ).toEqual([]);
    });

    it('refuse a class field that shadows a reactive property, and a file named otherwise', async () => {
      const found = await problems(
        'web/src/components/probe-elsewhere.ts',
        element('mf-probe', "label = 'shadows the property';"),
      );
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^lit\/no-classfield-shadowing/),
          expect.stringMatching(/^wc\/file-name-matches-element/),
        ]),
      );
    });
  });
});

describe('import cycles (dependency-cruiser, as npm run lint runs it)', () => {
  const run = promisify(execFile);
  const depcruise = join(ROOT, 'node_modules', '.bin', 'depcruise');
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mindflow-cycle-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function cruise(files: Record<string, string>): Promise<{ code: number; out: string }> {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const args = ['--config', join(ROOT, 'lint', 'dependency-cruiser.mjs'), ...Object.keys(files)];
    try {
      const { stdout } = await run(depcruise, args, { cwd: dir });
      return { code: 0, out: stdout };
    } catch (error) {
      const { code, stdout } = error as { code: number; stdout: string };
      return { code, out: stdout };
    }
  }

  it('fail on a cycle made only of type imports', async () => {
    const result = await cruise({
      'score.ts': "import type { Why } from './why.ts';\nexport type Score = { why: Why };\n",
      'why.ts': "import type { Score } from './score.ts';\nexport type Why = { of: Score };\n",
    });
    expect(result.code).not.toBe(0);
    expect(result.out).toMatch(/error no-cycle: (score|why)\.ts/);
  });

  it('tolerate no cycle: npm run lint ignores no known list', async () => {
    const lint = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).scripts.lint;
    expect(lint).not.toMatch(/--ignore-known/);
  });

  it('pass when the shared shape has its own module', async () => {
    const result = await cruise({
      'reason.ts': 'export type Reason = { text: string };\n',
      'rank.ts':
        "import type { Reason } from './reason.ts';\nexport type Rank = { why: Reason };\n",
      'say.ts':
        "import type { Reason } from './reason.ts';\nexport const say = (r: Reason) => r.text;\n",
    });
    expect(result).toMatchObject({ code: 0 });
  });
});

describe('file names', () => {
  it('must be kebab-case, with a dot before each role or extension', () => {
    expect(
      misnamed([
        'server/src/stores/task-store.sqlite.ts',
        'shared/src/planner/plan-day.property.test.ts',
        '.ci/run',
        'server/src/stores/TaskStore.ts',
        'server/src/task_store.ts',
        'web/src/Components/mf-app.ts',
      ]),
    ).toEqual([
      'server/src/stores/TaskStore.ts',
      'server/src/task_store.ts',
      'web/src/Components/mf-app.ts',
    ]);
  });

  it('allow only the listed exceptions, and the repository has no other offender', () => {
    expect(
      misnamed(['README.md', 'sheets-template/Tasks.csv', 'apps-script/src/DailyPlan.html']),
    ).toEqual([]);
    expect(misnamed(['docs/SCORING.md', 'web/src/DailyPlan.html'])).toHaveLength(2);
    expect(misnamed(repositoryPaths(ROOT))).toEqual([]);
  });
});
