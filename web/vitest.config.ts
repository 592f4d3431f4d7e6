import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // Builds dist/ (the sidebar bundle and page) and the browser fixture before any test.
    globalSetup: ['./test/global-setup.ts'],
    // Browser tests start Chromium once per file and drive it step by step.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
