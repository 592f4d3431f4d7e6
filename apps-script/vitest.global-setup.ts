import { buildAddOn } from './build.ts';
import { buildHarness } from './test-support/build-harness.ts';

/**
 * Builds dist/ once before the apps-script tests, so they run against what clasp pushes
 * (the sidebar included, bundled from web/'s sources), and the store harness that runs
 * SheetTaskStore inside the emulator.
 */
export async function setup(): Promise<void> {
  await buildAddOn();
  await buildHarness();
}
