import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'apps-script',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    passWithNoTests: true,
  },
});
