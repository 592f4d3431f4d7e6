import { build } from 'esbuild';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryPointStubs, zodWithoutLocales } from '../build.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Outside dist/ (which clasp pushes) and ignored by git. */
export const HARNESS_DIR = join(HERE, '..', 'node_modules', '.cache', 'mindflow-harness');
export const HARNESS_CODE_JS = join(HARNESS_DIR, 'Code.js');

/** The harness functions tests call by name (each is a top-level function in Code.js). */
const HARNESS_FUNCTIONS = ['storeCall', 'storeStep', 'calendarEvents'];

/** Bundles the harnesses the way build.ts bundles the add-on, with the add-on's manifest. */
export async function buildHarness(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export * from './store-harness.ts';\nexport * from './calendar-harness.ts';`,
      resolveDir: HERE,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'Harness',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2020',
    loader: { '.md': 'text', '.csv': 'text' },
    plugins: [zodWithoutLocales],
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  mkdirSync(HARNESS_DIR, { recursive: true });
  const stubs = entryPointStubs(HARNESS_FUNCTIONS).replaceAll('MindFlow.', 'Harness.');
  writeFileSync(HARNESS_CODE_JS, `${code}\n${stubs}`);
  copyFileSync(join(HERE, '..', 'src', 'appsscript.json'), join(HARNESS_DIR, 'appsscript.json'));
  return HARNESS_CODE_JS;
}
