import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function save() {
  var props = PropertiesService.getScriptProperties();
  props.setProperty('count', 42);
  props.setProperties({ a: 'x', b: 'y' });
  return [typeof props.getProperty('count'), props.getProperty('missing'), props.getKeys().sort()];
}
function readAll() { return PropertiesService.getScriptProperties().getProperties(); }
function replaceAll() { PropertiesService.getScriptProperties().setProperties({ only: '1' }, true).deleteProperty('nothing'); return readAll(); }
function perUser() { PropertiesService.getUserProperties().setProperty('zone', 'Europe/Berlin'); return PropertiesService.getDocumentProperties().getProperty('zone'); }
function big() { PropertiesService.getScriptProperties().setProperty('big', new Array(9 * 1024 + 2).join('x')); }
`;

describe('PropertiesService', () => {
  describe('Properties', () => {
    it('stores every value as a string and answers null for missing keys', () => {
      const app = inlineBundle(CODE);
      expect(app.run('save')).toEqual(['string', null, ['a', 'b', 'count']]);
      expect(app.run('readAll')).toEqual({ count: '42', a: 'x', b: 'y' });
      expect(app.emulator.properties.script.get('count')).toBe('42');
    });

    it('can replace the whole store', () => {
      const app = inlineBundle(CODE);
      app.run('save');
      expect(app.run('replaceAll')).toEqual({ only: '1' });
    });

    it('keeps user and document stores apart', () => {
      const app = inlineBundle(CODE);
      expect(app.run('perUser')).toBeNull();
      expect(app.emulator.properties.user(app.emulator.ownerEmail).get('zone')).toBe(
        'Europe/Berlin',
      );
    });

    it('refuses values over 9 kB', () => {
      expect(() => inlineBundle(CODE).run('big')).toThrow('Argument too large: value');
    });
  });
});
