import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BUNDLE_GLOBAL, buildAddOn, entryPointStubs } from './build.ts';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { ENTRY_POINTS } from './src/entry-points.ts';
import { DIST_CODE_JS } from './test-support/dist-path.ts';

/**
 * No documented per-file limit exists; reports put it at several MB. We keep a tight
 * budget so a dependency that balloons the bundle is noticed long before clasp refuses it.
 */
const MAX_CODE_BYTES = 2_000_000;

const code = () => readFileSync(DIST_CODE_JS, 'utf8');
const dist = (file: string) => join(dirname(DIST_CODE_JS), file);

describe('build', () => {
  describe('dist/Code.js', () => {
    it('declares a real top-level function for every entry point', () => {
      for (const name of ENTRY_POINTS) {
        expect(code(), name).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
      }
    });

    it('is a classic script: no import, require, process or top-level await', () => {
      // Whole-line comments (a bundled library may mention `import()` in one) are not code.
      const text = code()
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
      expect(() => new vm.Script(code())).not.toThrow();
      expect(text).not.toMatch(/\bimport\s*[({*"']|\bimport\.meta\b/);
      expect(text).not.toMatch(/\brequire\s*\(/);
      expect(text).not.toMatch(/\bprocess\./);
    });

    it('targets ES2020: no logical assignment operators survive', () => {
      expect(code()).not.toMatch(/\?\?=|\|\|=|&&=/);
    });

    it('assigns a single global and keeps the code readable (unminified)', () => {
      const text = code();
      expect(text).toMatch(new RegExp(`^var ${BUNDLE_GLOBAL} = \\(\\(\\) => \\{`, 'm'));
      expect(text.split('\n').length).toBeGreaterThan(20);
    });

    it('stays well under Apps Script size limits', () => {
      expect(Buffer.byteLength(code())).toBeLessThan(MAX_CODE_BYTES);
    });

    it('loads in the emulator with exactly the entry points callable', () => {
      expect([...loadBundle(DIST_CODE_JS).functions].sort()).toEqual([...ENTRY_POINTS].sort());
    });
  });

  describe('dist/appsscript.json', () => {
    it('is a V8 manifest with explicit scopes, Stackdriver logging and an anonymous web app run as the deployer', () => {
      const manifest = JSON.parse(readFileSync(dist('appsscript.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(manifest).toMatchObject({
        runtimeVersion: 'V8',
        exceptionLogging: 'STACKDRIVER',
        webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
      });
      expect(Intl.supportedValuesOf('timeZone')).toContain(manifest.timeZone);
      expect(manifest.oauthScopes).toEqual(
        expect.arrayContaining([expect.stringMatching(/^https:\/\//)]),
      );
    });
  });

  describe('dist/*.html', () => {
    it('ships the HTML files beside Code.js', () => {
      for (const file of ['about.html', 'Connect.html', 'DailyPlan.html', 'Sidebar.html']) {
        expect(existsSync(dist(file)), file).toBe(true);
      }
    });
  });

  describe('entryPointStubs', () => {
    it('writes one delegating declaration per name', () => {
      expect(entryPointStubs(['doGet'])).toBe(
        `function doGet(...args) {\n  return ${BUNDLE_GLOBAL}.doGet(...args);\n}\n`,
      );
    });
  });

  describe('buildAddOn', () => {
    it('fails when main.ts exports something the entry-point list lacks', async () => {
      const srcDir = mkdtempSync(join(tmpdir(), 'gas-src-'));
      const exports = ENTRY_POINTS.map((n) => `export function ${n}() {}`).join('\n');
      writeFileSync(join(srcDir, 'main.ts'), `${exports}\nexport function forgotten() {}\n`);
      writeFileSync(join(srcDir, 'appsscript.json'), '{}');
      await expect(buildAddOn({ srcDir, outDir: join(srcDir, 'dist') })).rejects.toThrow(
        'unlisted exports [forgotten]',
      );
    });
  });
});
