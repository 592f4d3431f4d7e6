import { describe, expect, it } from 'vitest';
import { loadBundle } from '../emulator/index.ts';
import { DIST_CODE_JS } from '../test-support/dist-path.ts';

describe('menu', () => {
  describe('onOpen', () => {
    it('builds the MindFlow menu as a simple trigger, within the manifest scopes', () => {
      const app = loadBundle(DIST_CODE_JS);
      app.open();
      expect(app.emulator.ui.menus).toEqual([
        { title: 'MindFlow', items: [{ caption: 'About MindFlow', functionName: 'showAbout' }] },
      ]);
    });
  });

  describe('showAbout', () => {
    it('shows the about dialog rendered from about.html', () => {
      const app = loadBundle(DIST_CODE_JS, { scriptTimeZone: 'Europe/Berlin' });
      app.run('showAbout');
      expect(app.emulator.ui.shown).toHaveLength(1);
      expect(app.emulator.ui.shown[0]).toMatchObject({ kind: 'modal', title: 'About MindFlow' });
      expect(app.emulator.ui.shown[0]?.content).toMatch(/Dates are read in\s+Europe\/Berlin\./);
    });
  });
});
