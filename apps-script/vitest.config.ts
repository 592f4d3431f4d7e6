import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'apps-script',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'dist/**'],
  },
});
