import { defineConfig } from 'vitest/config';

// The emulator's own tests load hand-written Code.js (inlineBundle): no add-on build needed.
export default defineConfig({
  test: {
    name: 'apps-script-emulator',
    root: import.meta.dirname,
    include: ['src/**/*.test.ts'],
    // A timeout catches a hang, not slowness: on a loaded 2-core machine engine and emulator
    // tests take several times their quiet time (speed is measured in benchmarks instead).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
