// Runs clasp for the add-on: `push`, `deploy` (create or update the one web-app deployment)
// and `create-sheet` (a new Sheet with its bound script). Node only; not bundled.
//
// Script ids stay out of the repo: the committed .clasp.json only says rootDir is
// apps-script/dist; your own project file is .clasp.local.json (git-ignored), written by
// create-sheet or by hand. Each command takes the repository and the clasp to run (tests pass
// a stand-in).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ROOT_DIR = 'apps-script/dist';
/** How the deployment is recognised on later deploys, so its /exec URL never changes. */
export const DEPLOYMENT_DESCRIPTION = 'MindFlow web app';

interface ProjectFile {
  scriptId?: string;
  parentId?: string;
  rootDir?: string;
}

export class ClaspSetupError extends Error {}

/** Which repository to work in, and the clasp executable that does the work. */
export interface ClaspTarget {
  root: string;
  bin: string;
}

const THIS_REPO: ClaspTarget = {
  root: REPO_ROOT,
  bin: join(REPO_ROOT, 'node_modules', '.bin', 'clasp'),
};

function clasp(bin: string, projectFile: string | null, args: string[], cwd: string): string {
  const global = projectFile ? ['-P', projectFile] : [];
  try {
    return execFileSync(bin, [...global, ...args], {
      cwd,
      encoding: 'utf8',
      stdio: ['inherit', 'pipe', 'inherit'],
    });
  } catch (error) {
    // clasp has printed why (not logged in, Apps Script API off, …) on stderr already.
    const out = (error as { stdout?: string }).stdout ?? '';
    throw new ClaspSetupError(
      `${out}clasp ${args.join(' ')} failed. Not logged in? Run npx clasp login. ` +
        'Apps Script API off? Turn it on at https://script.google.com/home/usersettings',
    );
  }
}

/** .clasp.local.json when present, else .clasp.json; it must name a script. */
export function projectFile(root = REPO_ROOT): string {
  for (const name of ['.clasp.local.json', '.clasp.json']) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    const project = JSON.parse(readFileSync(path, 'utf8')) as ProjectFile;
    if (project.rootDir !== ROOT_DIR) {
      throw new ClaspSetupError(`${name}: rootDir must be "${ROOT_DIR}" (clasp pushes the build)`);
    }
    if (project.scriptId) return path;
  }
  throw new ClaspSetupError(
    'No Apps Script project yet: run `npm run create-sheet -w @mindflow/apps-script` (a new ' +
      'Sheet with its script), or put {"scriptId": "<Script ID from Project Settings>", ' +
      `"rootDir": "${ROOT_DIR}"} into .clasp.local.json.`,
  );
}

export function push({ root, bin }: ClaspTarget = THIS_REPO): void {
  if (!existsSync(join(root, ROOT_DIR, 'Code.js'))) {
    throw new ClaspSetupError(`${ROOT_DIR}/Code.js is missing: build first (npm run build)`);
  }
  // --force: the manifest in the build is the source of truth (scopes, web app settings).
  process.stdout.write(clasp(bin, projectFile(root), ['push', '--force'], root));
}

/** Creates the web-app deployment, or moves the existing one to the new code (same URL). */
export function deploy({ root, bin }: ClaspTarget = THIS_REPO): string {
  const file = projectFile(root);
  const listed = JSON.parse(clasp(bin, file, ['--json', 'deployments'], root)) as {
    deploymentId: string;
    description?: string;
  }[];
  const existing = listed.find((d) => d.description === DEPLOYMENT_DESCRIPTION);
  const args = ['--json', 'deploy', '-d', DEPLOYMENT_DESCRIPTION];
  if (existing) args.push('-i', existing.deploymentId);
  const made = JSON.parse(clasp(bin, file, args, root)) as { deploymentId: string };
  const url = `https://script.google.com/macros/s/${made.deploymentId}/exec`;
  process.stdout.write(
    `${existing ? 'Updated' : 'Created'} the web app deployment.\nWeb app URL: ${url}\n` +
      'Next: in the Sheet, MindFlow › Connect ChatGPT shows the schema for this URL.\n',
  );
  return url;
}

/** A new Sheet with its bound script; writes .clasp.local.json at the repository root. */
export function createSheet(
  title = 'MindFlow',
  { root, bin }: ClaspTarget = THIS_REPO,
): ProjectFile {
  const local = join(root, '.clasp.local.json');
  if (existsSync(local)) throw new ClaspSetupError('.clasp.local.json exists already');
  // clasp create refuses to run beside an existing .clasp.json, so it runs in a temp folder.
  const scratch = mkdtempSync(join(tmpdir(), 'mindflow-clasp-'));
  process.stdout.write(clasp(bin, null, ['create', '--type', 'sheets', '--title', title], scratch));
  const made = JSON.parse(readFileSync(join(scratch, '.clasp.json'), 'utf8')) as ProjectFile;
  const project: ProjectFile = {
    scriptId: made.scriptId,
    parentId: made.parentId,
    rootDir: ROOT_DIR,
  };
  writeFileSync(local, `${JSON.stringify(project, null, 2)}\n`);
  process.stdout.write(`Wrote .clasp.local.json for script ${made.scriptId}\n`);
  return project;
}

if (import.meta.main) {
  const [command, arg] = process.argv.slice(2);
  try {
    if (command === 'push') push();
    else if (command === 'deploy') deploy();
    else if (command === 'create-sheet') createSheet(arg);
    else
      throw new ClaspSetupError(
        'usage: node scripts/clasp.ts push | deploy | create-sheet [title]',
      );
  } catch (error) {
    if (!(error instanceof ClaspSetupError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
