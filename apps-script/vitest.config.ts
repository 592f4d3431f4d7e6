import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'apps-script',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    // Tests exercise the artefact clasp pushes, so dist/ is rebuilt before they run.
    globalSetup: ['./vitest.global-setup.ts'],
  },
});
