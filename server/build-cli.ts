// Bundles the `mindflow` CLI into dist/cli/: main.js (help, version, the command list) and one
// file per command, loaded only when that command runs, so a start reads two or three files
// instead of resolving hundreds of package files. Runs at `npm install` (the root `prepare`
// script), in `npm run build`, and before the server's tests; alone: `node build-cli.ts`.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodWithoutLocales } from '@mindflow/shared/build';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI_SRC = join(HERE, 'src', 'cli');
export const CLI_OUT_DIR = join(HERE, 'dist', 'cli');

/**
 * Files bundled on their own and imported at run time: every command, and what a command
 * needs only sometimes (the lenient CSV reader with zod and csv-parse; the recurrence code).
 */
function lazyModules(): string[] {
  const commands = readdirSync(CLI_SRC).filter((f) => f.endsWith('-command.ts'));
  return [
    ...commands.map((f) => join(CLI_SRC, f)),
    join(HERE, 'src', 'csv', 'task-csv.ts'),
    join(CLI_SRC, 'repeat-rule.ts'),
  ];
}

// Bundled: what rank, parse, plan and gpt-schema run on. The rest (database drivers, Google
// clients: only `migrate` uses them) stay imports of node_modules, resolved when needed.
const BUNDLED = new Set(['csv-parse', 'csv-stringify', 'zod', 'chrono-node', 'rrule']);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function cliModules(lazy: readonly string[]): Plugin {
  return {
    name: 'mindflow-cli-modules',
    setup(b) {
      b.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const target = resolve(args.resolveDir, args.path);
        // A lazy module is one file shared by every bundle that imports it.
        if (lazy.includes(target) && target !== args.importer) {
          return { path: `./${basename(target, '.ts')}.js`, external: true };
        }
        return undefined;
      });
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const name = packageName(args.path);
        if (BUNDLED.has(name) || name.startsWith('@mindflow/') || name === 'ical.js')
          return undefined;
        return { path: args.path, external: true };
      });
    },
  };
}

export async function buildCli(outDir = CLI_OUT_DIR): Promise<string[]> {
  const lazy = lazyModules();
  const result = await build({
    entryPoints: [join(CLI_SRC, 'main.ts'), ...lazy],
    entryNames: '[name]',
    bundle: true,
    format: 'esm',
    platform: 'node',
    // The oldest Node the bin accepts (bin/mindflow.js checks before loading this).
    target: 'node22',
    outdir: outDir,
    write: false,
    // CommonJS packages call require() for built-ins; an ES module has none of its own.
    banner: {
      js: "import { createRequire as __mfRequire } from 'node:module'; const require = __mfRequire(import.meta.url);",
    },
    alias: { '@mindflow/shared': join(HERE, '..', 'shared', 'src', 'index.ts') },
    plugins: [zodWithoutLocales, cliModules(lazy)],
    legalComments: 'none',
    logLevel: 'silent',
  });
  mkdirSync(outDir, { recursive: true });
  // Each file is written beside its place and renamed over it, so a CLI started while this
  // runs (tests build before they spawn it) reads the old file or the new one, whole. The
  // entry goes last: until it is in place, the old one still finds what it imports.
  const entry = join(outDir, 'main.js');
  const files = [...result.outputFiles].sort(
    (a, b) => Number(a.path === entry) - Number(b.path === entry),
  );
  for (const file of files) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
  return files.map((f) => relative(HERE, f.path));
}

if (import.meta.main) {
  const files = await buildCli();
  process.stdout.write(`built the mindflow CLI: ${files.join(', ')}\n`);
}
