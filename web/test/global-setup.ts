import { buildSidebar, buildTestFixture } from '../build.ts';

// The browser tests load the real artifacts, so every test run builds them first:
// dist/mindflow-sidebar.js, dist/sidebar.html and the fixture dist/test/fixture.js.
export default async function setup(): Promise<void> {
  await buildSidebar();
  await buildTestFixture();
}
