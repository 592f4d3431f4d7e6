// Every file and folder name in the repository is kebab-case (STYLE rule 5), with a dot
// before each role or extension: `task-store.sqlite.ts`, `plan-day.property.test.ts`.
// ESLint only sees code, so this checks every path git tracks or would track.
// `node lint/file-names.ts` exits 1 and lists the offenders; `npm run lint` runs it.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SEGMENT = /^\.?[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$/;

/** Names the kebab-case rule does not fit, each for a reason outside our choosing. */
export const EXCEPTIONS: { pattern: RegExp; why: string }[] = [
  { pattern: /(^|\/)(README|CONTRIBUTING|LICENSE|CHANGELOG)\.md$/, why: 'by convention' },
  { pattern: /^sheets-template\/Tasks\.csv$/, why: 'named after the sheet tab "Tasks"' },
  {
    pattern: /^apps-script\/src\/[A-Za-z]+\.html$/,
    why: 'HtmlService file names the add-on opens by name',
  },
  { pattern: /^bench\/results\//, why: 'generated, named by the time of the run' },
];

/** The offending paths among `paths` (repository-relative, `/`-separated). */
export function misnamed(paths: readonly string[]): string[] {
  return paths.filter(
    (path) =>
      !EXCEPTIONS.some(({ pattern }) => pattern.test(path)) &&
      !path.split('/').every((segment) => SEGMENT.test(segment)),
  );
}

/** Tracked files plus untracked ones git does not ignore: a new file is checked before commit. */
export function repositoryPaths(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

if (import.meta.main) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bad = misnamed(repositoryPaths(root));
  if (bad.length > 0) {
    process.stderr.write(
      `File names must be kebab-case (lower case, digits, '-', a '.' before each role or extension):\n` +
        bad.map((path) => `  ${path}\n`).join('') +
        'Rename them, or add an exception with its reason in lint/file-names.ts.\n',
    );
    process.exit(1);
  }
}
