import { buildAddOn } from './build.ts';

/** Builds dist/ once before the apps-script tests, so they run against what clasp pushes. */
export async function setup(): Promise<void> {
  await buildAddOn();
}
