import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // A timeout catches a hang, not slowness: on a loaded 2-core machine engine and emulator
    // tests take several times their quiet time (speed is measured in benchmarks instead).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['./vitest.global-setup.ts'],
  },
});
