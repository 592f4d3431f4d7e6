import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildAddOn } from './build.ts';
import { buildHarness } from './test-support/build-harness.ts';

/** The Connect dialog's test compares with what the `mindflow` CLI prints: build it fresh. */
function buildServerCli(): void {
  const server = join(import.meta.dirname, '..', 'server');
  execFileSync(process.execPath, ['build-cli.ts'], { cwd: server, stdio: 'ignore' });
}

/**
 * Builds dist/ once before the apps-script tests, so they run against what clasp pushes
 * (the sidebar included, bundled from web/'s sources), and the store harness that runs
 * SheetTaskStore inside the emulator.
 */
export async function setup(): Promise<void> {
  buildServerCli();
  await buildAddOn();
  await buildHarness();
}
