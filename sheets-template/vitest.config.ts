import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sheets-template',
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    passWithNoTests: true,
  },
});
