import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function greeting() { return 'Hello'; }
function render(name) {
  var t = HtmlService.createTemplateFromFile('page');
  t.name = name;
  t.items = ['a', 'b'];
  return t.evaluate().setTitle('Page').getContent();
}
function rawFile() { return HtmlService.createHtmlOutputFromFile('page.html').getContent().length > 0; }
function missing() { HtmlService.createHtmlOutputFromFile('nope'); }
function output() {
  var out = HtmlService.createHtmlOutput('<b>x</b>').setTitle('T').setWidth(300).setHeight(200)
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
  return [out.getTitle(), out.getWidth(), out.getHeight(), out.getContent()];
}
function dialog() {
  var out = HtmlService.createHtmlOutput('<p>x</p>').setWidth(420).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(out, 'Settings');
  SpreadsheetApp.getUi().showSidebar(out.setTitle('Side'));
}
`;

const PAGE = `<h1><?= greeting() ?>, <?= name ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= '<hr>' ?>`;

describe('HtmlService', () => {
  describe('HtmlTemplate.evaluate', () => {
    it('runs scriptlets with template variables and the bundle globals, escaping <?= ?> only', () => {
      const app = inlineBundle(CODE, { files: { 'page.html': PAGE } });
      expect(app.run('render', '<Ana>')).toBe(
        '<h1>Hello, &lt;Ana&gt;</h1><li>a</li><li>b</li><hr>',
      );
    });
  });

  describe('createHtmlOutputFromFile', () => {
    it('reads NAME.html beside Code.js, with or without the extension', () => {
      expect(inlineBundle(CODE, { files: { 'page.html': PAGE } }).run('rawFile')).toBe(true);
    });

    it('fails like Apps Script for a missing file', () => {
      expect(() => inlineBundle(CODE).run('missing')).toThrow('No HTML file named nope was found.');
    });
  });

  describe('HtmlOutput', () => {
    it('keeps title, size and content', () => {
      expect(inlineBundle(CODE).run('output')).toEqual(['T', 300, 200, '<b>x</b>']);
    });

    it('shows a dialog at the size it was given (a sidebar has the width Sheets fixes)', () => {
      const app = inlineBundle(CODE);
      app.run('dialog');
      expect(app.emulator.ui.shown).toEqual([
        { kind: 'modal', title: 'Settings', content: '<p>x</p>', width: 420, height: 560 },
        { kind: 'sidebar', title: 'Side', content: '<p>x</p>' },
      ]);
    });
  });
});
