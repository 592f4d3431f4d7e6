import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intlTimeZone } from '@mindflow/shared';
import { parsePosixTz, posixOffsetAt } from './posix-tz-rule.ts';
import { parseTzif, systemZoneName, tzifTimeZone, ZONEINFO } from './time-zone.tzif.ts';

const hasZoneinfo = existsSync(join(ZONEINFO, 'America', 'New_York'));
const zic = ['/usr/sbin/zic', '/usr/bin/zic'].find((p) => existsSync(p));

// Zones whose rules the system's tzdata and Node's ICU agree on from 1970 to 2199, chosen
// for what is hard: half-hour and 45-minute offsets, southern summers, negative DST
// (Dublin), a 30-minute DST (Lord Howe), DST abolished (São Paulo), +14, and UTC.
const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Europe/Dublin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Australia/Sydney',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Asia/Tokyo',
  'Etc/UTC',
];

const HOUR = 3_600_000;

describe('time-zone.tzif', () => {
  describe.skipIf(!hasZoneinfo)(`tzifTimeZone (the system's ${ZONEINFO})`, () => {
    const tz = tzifTimeZone(intlTimeZone);

    it(
      'gives the offsets Intl gives, 1970–2199, at every hour of the day',
      { timeout: 60_000 },
      () => {
        const start = Date.UTC(1970, 0, 1);
        const end = Date.UTC(2199, 11, 31);
        for (const zone of ZONES) {
          for (let i = 0; i < 4000; i++) {
            // A spread of instants, each checked with its neighbours a minute either side.
            const t =
              start + Math.floor((((i * 7919) % 4000) / 4000) * (end - start)) + (i % 24) * HOUR;
            for (const at of [t - 60_000, t, t + 60_000]) {
              expect(tz.offsetMinutes(at, zone), `${zone} ${new Date(at).toISOString()}`).toBe(
                intlTimeZone.offsetMinutes(at, zone),
              );
            }
          }
        }
      },
    );

    it('gets the minutes around a DST change right, far beyond the files’ last transition', () => {
      // 2150-03-08 is the second Sunday of March: 02:00 EST becomes 03:00 EDT at 07:00 UTC.
      const change = Date.UTC(2150, 2, 8, 7);
      expect(tz.offsetMinutes(change - 1000, 'America/New_York')).toBe(-300);
      expect(tz.offsetMinutes(change, 'America/New_York')).toBe(-240);
    });

    it('knows the zones the files hold, and only names inside the zoneinfo directory', () => {
      expect(tz.isValidZone('Europe/Berlin')).toBe(true);
      for (const name of [
        '../../etc/passwd',
        '/etc/passwd',
        'Europe/../../etc/passwd',
        'Nowhere/City',
      ]) {
        expect(tz.isValidZone(name), name).toBe(false);
      }
    });
  });

  describe.skipIf(zic === undefined)('parseTzif on files zic writes', () => {
    it('reads a slim file (rules only in the footer) the same as a fat one, 1970–2199', () => {
      const dir = mkdtempSync(join(tmpdir(), 'mindflow-tzif-'));
      const source = join(dir, 'zones.txt');
      writeFileSync(
        source,
        [
          '# Rule NAME FROM TO - IN ON AT SAVE LETTER',
          'Rule North 1980 max - Mar lastSun 2:00 1:00 S',
          'Rule North 1980 max - Oct lastSun 3:00 0 -',
          'Rule South 1990 max - Oct Sun>=1 2:00s 1:00 D',
          'Rule South 1990 max - Apr Sun>=1 2:00s 0 S',
          'Zone Test/North 0:45 - LMT 1975',
          '  1:00 North CE%sT',
          'Zone Test/South 10:00 South AE%sT',
          'Zone Test/Half 5:30 - IST',
          '',
        ].join('\n'),
      );
      for (const size of ['slim', 'fat']) {
        execFileSync(zic!, ['-b', size, '-d', join(dir, size), source]);
      }
      const read = (size: string, zone: string) => parseTzif(readFileSync(join(dir, size, zone)))!;
      const slim = tzifTimeZone(intlTimeZone, join(dir, 'slim'));
      const fat = tzifTimeZone(intlTimeZone, join(dir, 'fat'));
      expect(read('slim', 'Test/North').times.length).toBeLessThan(
        read('fat', 'Test/North').times.length,
      );
      for (const zone of ['Test/North', 'Test/South', 'Test/Half']) {
        for (let t = Date.UTC(1970, 0, 1); t < Date.UTC(2199, 0, 1); t += 97 * 37 * HOUR) {
          expect(slim.offsetMinutes(t, zone), `${zone} ${new Date(t).toISOString()}`).toBe(
            fat.offsetMinutes(t, zone),
          );
        }
      }
      // Summer and winter far ahead, in both hemispheres.
      expect(slim.offsetMinutes(Date.UTC(2190, 6, 1), 'Test/North')).toBe(120);
      expect(slim.offsetMinutes(Date.UTC(2190, 0, 1), 'Test/North')).toBe(60);
      expect(slim.offsetMinutes(Date.UTC(2190, 0, 1), 'Test/South')).toBe(660);
      expect(slim.offsetMinutes(Date.UTC(2190, 6, 1), 'Test/South')).toBe(600);
      expect(slim.offsetMinutes(Date.UTC(1970, 0, 1), 'Test/North')).toBe(45);
      expect(slim.offsetMinutes(Date.UTC(2190, 6, 1), 'Test/Half')).toBe(330);
    });
  });

  describe('parseTzif', () => {
    it('refuses what is not a TZif file', () => {
      expect(parseTzif(new TextEncoder().encode('root:x:0:0:root:/root:/bin/bash\n'))).toBeNull();
      expect(parseTzif(new Uint8Array(60))).toBeNull();
    });
  });

  describe('parsePosixTz', () => {
    it('reads the footer forms zic writes, and when daylight time starts and ends', () => {
      const dublin = parsePosixTz('IST-1GMT0,M10.5.0,M3.5.0/1')!;
      expect(dublin).toMatchObject({ std: 3600, dst: { offset: 0 } });
      expect(posixOffsetAt(dublin, Date.UTC(2100, 0, 15) / 1000)).toBe(0); // winter: GMT
      expect(posixOffsetAt(dublin, Date.UTC(2100, 6, 15) / 1000)).toBe(3600); // summer: IST
      const india = parsePosixTz('<+0530>-5:30')!;
      expect(posixOffsetAt(india, 0)).toBe(19800);
      const julian = parsePosixTz('XXX3YYY,J60/2,J300/2')!;
      expect(posixOffsetAt(julian, Date.UTC(2101, 5, 1) / 1000)).toBe(-7200);
      expect(parsePosixTz('EST5EDT')).toMatchObject({ std: -18000, dst: { offset: -14400 } });
      for (const bad of ['', '5', 'EST', 'EST5EDT,M3.2.0', 'EST5EDT,Q1,Q2']) {
        expect(parsePosixTz(bad), bad).toBeNull();
      }
    });
  });

  describe('systemZoneName', () => {
    it('takes TZ (with or without its leading colon), else where /etc/localtime points', () => {
      expect(systemZoneName({ TZ: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
      expect(systemZoneName({ TZ: ':Europe/Berlin' })).toBe('Europe/Berlin');
      const dir = mkdtempSync(join(tmpdir(), 'mindflow-localtime-'));
      const link = join(dir, 'localtime');
      symlinkSync('/usr/share/zoneinfo/America/Chicago', link);
      expect(systemZoneName({}, link)).toBe('America/Chicago');
      expect(systemZoneName({}, join(dir, 'missing'))).toBeNull();
    });
  });
});
