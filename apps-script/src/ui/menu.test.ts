import { describe, expect, it } from 'vitest';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { DIST_CODE_JS } from '../../test-support/dist-path.ts';

const ITEMS = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  { caption: 'Set up / repair sheet', functionName: 'setupSheet' },
  { caption: 'Connect ChatGPT', functionName: 'showConnectDialog' },
  { caption: 'Daily plan settings', functionName: 'showDailyPlanSettings' },
  { separator: true },
  { caption: 'About MindFlow', functionName: 'showAbout' },
];

describe('menu', () => {
  describe('onOpen', () => {
    it('builds the MindFlow menu as a simple trigger, within the manifest scopes', () => {
      const app = loadBundle(DIST_CODE_JS);
      app.open();
      expect(app.emulator.ui.menus).toEqual([{ title: 'MindFlow', items: ITEMS }]);
      expect(app.emulator.calls.PropertiesService).toBe(0);
    });

    it('needs no authorization at all (AuthMode.NONE, an add-on not yet used here)', () => {
      const app = loadBundle(DIST_CODE_JS);
      const x = app.execution({ kind: 'simple-trigger', authMode: 'NONE' });
      x.call('onOpen', {});
      x.end();
      expect(app.emulator.ui.menus[0]?.items).toHaveLength(ITEMS.length);
    });
  });

  describe('showAbout', () => {
    it('shows the about dialog with the spreadsheet time zone', () => {
      const app = loadBundle(DIST_CODE_JS, { scriptTimeZone: 'Europe/Berlin' });
      app.run('showAbout');
      expect(app.emulator.ui.shown[0]).toMatchObject({ kind: 'modal', title: 'About MindFlow' });
      expect(app.emulator.ui.shown[0]?.content).toMatch(/Dates are read in\s+Europe\/Berlin\./);
    });
  });

  describe('showSidebar', () => {
    it('opens Sidebar.html in the sidebar', () => {
      const app = loadBundle(DIST_CODE_JS);
      app.run('showSidebar');
      expect(app.emulator.ui.shown[0]).toMatchObject({ kind: 'sidebar', title: 'MindFlow' });
      expect(app.emulator.ui.shown[0]?.content).toContain('runOperation');
    });
  });
});
