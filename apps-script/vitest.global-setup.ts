import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildAddOn, sidebarSource, WEB_DIR } from './build.ts';
import { buildHarness } from './test-support/build-harness.ts';

/** The sidebar page must exist before the add-on builds; build web/ when only it is missing. */
function ensureSidebarBuilt(): void {
  try {
    sidebarSource(WEB_DIR);
  } catch {
    if (existsSync(join(WEB_DIR, 'build.ts'))) {
      execFileSync(process.execPath, ['build.ts'], { cwd: WEB_DIR, stdio: 'inherit' });
    }
  }
}

/**
 * Builds dist/ once before the apps-script tests, so they run against what clasp pushes,
 * and the store harness that runs SheetTaskStore inside the emulator.
 */
export async function setup(): Promise<void> {
  ensureSidebarBuilt();
  await buildAddOn();
  await buildHarness();
}
