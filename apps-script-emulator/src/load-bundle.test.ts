import { describe, expect, it } from 'vitest';
import { inlineBundle } from './inline-bundle.ts';
import { SCOPES } from './index.ts';

const CODE = `
var loads = 0;
loads++;
function bump() { loads++; return loads; }
function remember(v) { PropertiesService.getScriptProperties().setProperty('v', v); }
function recall() { return PropertiesService.getScriptProperties().getProperty('v'); }
function clock() {
  var d = new Date();
  return [d.toISOString(), Date.now(), typeof Date(), d instanceof Date, new Date(2020, 0, 1).getFullYear(), Date.UTC(2020, 0, 1)];
}
function dates() {
  class Stamp extends Date {}
  var s = new Stamp(86400000);
  return [new Date(2020, 0, 2, 3).getHours(), new Date(2020, 0, 2, 3, 4, 5, 6).getMilliseconds(), new Date('2020-01-02T00:00:00Z').getTime(),
    new Date(new Date(5)).getTime(), s instanceof Stamp, s instanceof Date, s.getTime(), new Date(2020, 5).getMonth()];
}
function hostGlobals() { return [typeof setTimeout, typeof process, typeof require, typeof TextEncoder, typeof Intl]; }
function caught() {
  try { SpreadsheetApp.openById('missing'); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function readTasks() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Tasks').getDataRange().getValues().length; }
function echo(e) {
  return ContentService.createTextOutput(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON);
}
function doGet(e) { return echo(e); }
function doPost(e) { return echo(e); }
function enums() { var m = ContentService.MimeType; return [m.JSON === m.JSON, String(m.JSON), m.JSON === 'JSON', JSON.stringify({ m: m.TEXT })]; }
function mailFromOnOpen() { MailApp.sendEmail('a@example.com', 's', 'b'); }
function onOpen(e) { SpreadsheetApp.getUi().createMenu('M').addItem('Mail', 'mailFromOnOpen').addToUi(); MailApp.getRemainingDailyQuota(); }
function whoAmI() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function ui() { SpreadsheetApp.getUi(); }
`;

describe('load-bundle', () => {
  describe('loadBundle', () => {
    it('lists the top-level functions Apps Script could call', () => {
      const app = inlineBundle(CODE);
      expect(app.functions).toContain('doGet');
      expect(app.functions).not.toContain('SpreadsheetApp');
    });
  });

  describe('LoadedBundle.run', () => {
    it('starts every call as a fresh execution: top-level state is evaluated again', () => {
      const app = inlineBundle(CODE);
      expect(app.run('bump')).toBe(2);
      expect(app.run('bump')).toBe(2);
    });

    it('keeps service state between executions', () => {
      const app = inlineBundle(CODE);
      app.run('remember', 'kept');
      expect(app.run('recall')).toBe('kept');
    });

    it('gives the script the emulator clock as its Date', () => {
      const app = inlineBundle(CODE, { now: '2026-11-27T15:00:00Z' });
      const now = Date.parse('2026-11-27T15:00:00Z');
      expect(app.run('clock')).toEqual([
        '2026-11-27T15:00:00.000Z',
        now,
        'string',
        true,
        2020,
        Date.UTC(2020, 0, 1),
      ]);
      app.emulator.clock.advance(60_000);
      expect((app.run('clock') as unknown[])[1]).toBe(now + 60_000);
    });

    it('constructs Dates of every arity and subclasses like the real Date', () => {
      expect(inlineBundle(CODE).run('dates')).toEqual([
        3,
        6,
        Date.UTC(2020, 0, 2),
        5,
        true,
        true,
        86_400_000,
        5,
      ]);
    });

    it('offers no Node or browser globals Apps Script lacks', () => {
      expect(inlineBundle(CODE).run('hostGlobals')).toEqual([
        'undefined',
        'undefined',
        'undefined',
        'undefined',
        'object',
      ]);
    });

    it('throws service errors into the script as its own Error named Exception', () => {
      expect(inlineBundle(CODE).run('caught')).toEqual([
        true,
        'Exception',
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      ]);
    });

    it('fails for a function the bundle does not declare', () => {
      expect(() => inlineBundle(CODE).run('nope')).toThrow('Script function not found: nope');
    });

    it('hands out enum members that compare by identity, not as strings', () => {
      expect(inlineBundle(CODE).run('enums')).toEqual([true, 'JSON', false, '{"m":"TEXT"}']);
    });
  });

  describe('call counting', () => {
    it('counts every call on a service and on the objects it returned, per service and per method', () => {
      const app = inlineBundle(CODE);
      app.emulator.seedSheet('Tasks', [['id'], ['1']]);
      app.emulator.calls.reset();
      expect(app.run('readTasks')).toBe(2);
      expect(app.emulator.calls.SpreadsheetApp).toBe(4);
      expect(Object.fromEntries(app.emulator.calls.byMethod)).toEqual({
        'SpreadsheetApp.getActiveSpreadsheet': 1,
        'Spreadsheet.getSheetByName': 1,
        'Sheet.getDataRange': 1,
        'Range.getValues': 1,
      });
      app.emulator.calls.reset();
      expect(app.emulator.calls.total()).toBe(0);
    });
  });

  describe('doGet / doPost', () => {
    it('builds e like Apps Script for a GET', () => {
      const e = inlineBundle(CODE)
        .doGet({ query: 'action=list&tag=a&tag=b', pathInfo: 'x' })
        .json();
      expect(e).toEqual({
        queryString: 'action=list&tag=a&tag=b',
        parameter: { action: 'list', tag: 'a' },
        parameters: { action: ['list'], tag: ['a', 'b'] },
        contextPath: '',
        contentLength: -1,
        pathInfo: 'x',
      });
    });

    it('builds e for an empty GET with an empty query string', () => {
      expect(inlineBundle(CODE).doGet().json()).toMatchObject({
        queryString: '',
        parameter: {},
        contentLength: -1,
      });
    });

    it('puts a JSON body in e.postData only', () => {
      const res = inlineBundle(CODE).doPost({
        query: { action: 'create' },
        body: { title: 'Tea ☕' },
      });
      expect(res.mimeType).toBe('application/json');
      const body = JSON.stringify({ title: 'Tea ☕' });
      expect(res.json()).toMatchObject({
        parameter: { action: 'create' },
        contentLength: Buffer.byteLength(body),
        postData: {
          contents: body,
          type: 'application/json',
          length: Buffer.byteLength(body),
          name: 'postData',
        },
      });
    });

    it('answers a POST through a one-time redirect that runs nothing again', () => {
      const app = inlineBundle(CODE);
      const res = app.doPost({ body: { n: 1 } });
      expect(res.redirect).toMatch(/^https:\/\/script\.googleusercontent\.com\/macros\/echo\?/);
      app.emulator.calls.reset();
      expect(app.followRedirect(res.redirect!).content).toBe(res.content);
      expect(app.emulator.calls.total()).toBe(0);
      expect(() => app.followRedirect(res.redirect!)).toThrow('one-time');
    });

    it('also parses a form-encoded body into e.parameter', () => {
      const res = inlineBundle(CODE).doPost({
        body: 'title=Tea&due=today',
        contentType: 'application/x-www-form-urlencoded',
      });
      expect(res.json()).toMatchObject({ parameter: { title: 'Tea', due: 'today' } });
    });

    it('runs anonymous visitors as the deployer', () => {
      const app = inlineBundle(
        CODE.replace(
          'function doGet(e) { return echo(e); }',
          'function doGet() { return echo(whoAmI()); }',
        ),
      );
      expect(app.doGet().json()).toEqual(['', app.emulator.ownerEmail]);
    });

    it('has no UI to show in a web app', () => {
      const app = inlineBundle(
        CODE.replace('function doGet(e) { return echo(e); }', 'function doGet() { ui(); }'),
      );
      expect(() => app.doGet()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    });
  });

  describe('authorization', () => {
    it('rejects calls the manifest oauthScopes do not cover, with Apps Script message', () => {
      const app = inlineBundle(CODE, { manifest: { oauthScopes: [SCOPES.containerUi] } });
      app.emulator.seedSheet('Tasks', [['id']]);
      expect(() => app.run('readTasks')).toThrow(
        'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
          `(${SCOPES.spreadsheetsCurrentOnly} || ${SCOPES.spreadsheets})`,
      );
    });

    it('lets a simple trigger build menus but not use services that need authorization', () => {
      const app = inlineBundle(CODE);
      expect(() => app.open()).toThrow(
        `You do not have permission to call MailApp.getRemainingDailyQuota. Required permissions: ${SCOPES.sendMail}`,
      );
      expect(app.emulator.ui.menus[0]?.title).toBe('M');
    });
  });
});
