import { defineConfig } from 'vitest/config';

// The emulator's own tests load hand-written Code.js (inlineBundle): no add-on build needed.
export default defineConfig({
  test: { name: 'apps-script-emulator', root: import.meta.dirname, include: ['src/**/*.test.ts'] },
});
