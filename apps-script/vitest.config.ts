import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'apps-script',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
    // Tests exercise the artefact clasp pushes, so dist/ is rebuilt before they run.
    globalSetup: ['./vitest.global-setup.ts'],
    // A timeout catches a hang, not slowness: on a loaded 2-core machine engine and emulator
    // tests take several times their quiet time (speed is measured in benchmarks instead).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
