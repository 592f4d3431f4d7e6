import { defineConfig } from 'vitest/config';

// The lint fences' proofs: each fence fails on a deliberate offender.
export default defineConfig({
  test: { name: 'lint', root: import.meta.dirname, include: ['*.test.ts'], testTimeout: 60_000 },
});
