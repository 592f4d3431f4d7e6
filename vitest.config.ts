import { defineConfig } from 'vitest/config';

// One test command for every workspace; each workspace may add a vitest.config.ts of its own
// (the apps-script one builds the bundle first).
export default defineConfig({
  test: {
    projects: [
      'shared',
      'sheets-template',
      'web',
      'apps-script-emulator',
      'apps-script',
      'server',
      'lint',
    ],
  },
});
