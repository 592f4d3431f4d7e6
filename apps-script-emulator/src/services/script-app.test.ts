import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function install() {
  var daily = ScriptApp.newTrigger('sendDigest').timeBased().atHour(7).everyDays(1).inTimezone('Europe/Berlin').create();
  var edits = ScriptApp.newTrigger('onTaskEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
  return [daily.getHandlerFunction(), String(daily.getEventType()), String(edits.getTriggerSource()), ScriptApp.getProjectTriggers().length];
}
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function everyTwoMinutes() { ScriptApp.newTrigger('x').timeBased().everyMinutes(2).create(); }
function sendDigest(e) { PropertiesService.getScriptProperties().setProperty('ran', String(e.authMode) + ':' + e.triggerUid); }
function url() { return ScriptApp.getService().getUrl(); }
function onTaskEdit(e) { PropertiesService.getScriptProperties().setProperty('edited', e.range.getSheet().getName() + '!' + e.range.getA1Notation() + '=' + e.value); }
function tooMany() { for (var i = 0; i < 21; i++) ScriptApp.newTrigger('x').timeBased().everyHours(1).create(); }
`;

describe('ScriptApp', () => {
  describe('newTrigger', () => {
    it('installs clock and spreadsheet triggers', () => {
      const app = inlineBundle(CODE);
      expect(app.run('install')).toEqual(['sendDigest', 'CLOCK', 'SPREADSHEETS', 2]);
      expect(app.emulator.triggers.find('sendDigest')?.schedule).toMatchObject({
        atHour: 7,
        everyDays: 1,
        timeZone: 'Europe/Berlin',
      });
      expect(app.run('removeAll')).toBe(0);
    });

    it('refuses intervals Apps Script refuses', () => {
      expect(() => inlineBundle(CODE).run('everyTwoMinutes')).toThrow(
        'must be one of 1, 5, 10, 15 or 30',
      );
    });

    it('stops at 20 triggers per user', () => {
      expect(() => inlineBundle(CODE).run('tooMany')).toThrow('This script has too many triggers.');
    });
  });

  describe('runTrigger (emulator)', () => {
    it('fires the handler in its own execution with AuthMode.FULL', () => {
      const app = inlineBundle(CODE);
      app.run('install');
      const uid = app.emulator.triggers.find('sendDigest')?.uniqueId;
      app.runTrigger('sendDigest');
      expect(app.emulator.properties.script.get('ran')).toBe(`FULL:${uid}`);
    });
  });

  describe('edit (emulator)', () => {
    it('types the values in, then fires installed onEdit triggers with e.range and e.value', () => {
      const app = inlineBundle(CODE);
      app.emulator.seedSheet('Tasks', [['id', 'title']]);
      app.run('install');
      expect(app.edit('Tasks', 'B2', [['Buy milk']])).toBe(1);
      expect(app.emulator.properties.script.get('edited')).toBe('Tasks!B2=Buy milk');
      expect(app.emulator.spreadsheet().values('Tasks')[1]).toEqual(['', 'Buy milk']);
    });
  });

  describe('getService', () => {
    it('answers the web app URL', () => {
      expect(
        inlineBundle(CODE, { webAppUrl: 'https://script.google.com/macros/s/ABC/exec' }).run('url'),
      ).toBe('https://script.google.com/macros/s/ABC/exec');
    });
  });
});
