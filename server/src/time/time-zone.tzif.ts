import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { TimeZonePort } from '@mindflow/shared';
import { parsePosixTz, posixOffsetAt, type PosixTzRule } from './posix-tz-rule.ts';

// Time zones from the system's tz database (/usr/share/zoneinfo, RFC 8536 TZif files): the
// same answers as Intl, without the 20–100 ms a process pays to create its first Intl date
// formatter, which is most of a short CLI run. A zone the files do not have goes to the
// fallback (Intl).

export const ZONEINFO = '/usr/share/zoneinfo';

interface Zone {
  /** Transition instants (seconds), ascending, and the offset (seconds) from each on. */
  times: number[];
  offsets: number[];
  /** Before the first transition (RFC 8536: time type 0). */
  initial: number;
  /** After the last transition; null means the last offset holds. */
  footer: PosixTzRule | null;
}

/** A zone name that can only name a file under the zoneinfo directory. */
const ZONE_NAME = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+){0,3}$/;

interface Header {
  isut: number;
  isstd: number;
  leap: number;
  timecnt: number;
  typecnt: number;
  charcnt: number;
}

function header(view: DataView, at: number): Header {
  const n = (i: number) => view.getUint32(at + 20 + i * 4);
  return { isut: n(0), isstd: n(1), leap: n(2), timecnt: n(3), typecnt: n(4), charcnt: n(5) };
}

/** Bytes of a data block after its header, with `timeSize`-byte transition times. */
const blockLength = (h: Header, timeSize: number) =>
  h.timecnt * (timeSize + 1) +
  h.typecnt * 6 +
  h.charcnt +
  h.leap * (timeSize + 4) +
  h.isstd +
  h.isut;

/** Parses a TZif file (version 1 to 4); null when it is not one. */
export function parseTzif(bytes: Uint8Array): Zone | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 44 || String.fromCharCode(...bytes.subarray(0, 4)) !== 'TZif') return null;
  let h = header(view, 0);
  let at = 44;
  let timeSize = 4;
  if (bytes[4] !== 0) {
    // Version 2+: skip the 32-bit block; the 64-bit one after it covers every instant.
    at += blockLength(h, 4);
    if (at + 44 > bytes.length) return null;
    h = header(view, at);
    at += 44;
    timeSize = 8;
  }
  const { timecnt, typecnt } = h;
  if (typecnt === 0 || at + blockLength(h, timeSize) > bytes.length) return null;
  const times: number[] = [];
  for (let i = 0; i < timecnt; i++) {
    times.push(timeSize === 8 ? Number(view.getBigInt64(at + i * 8)) : view.getInt32(at + i * 4));
  }
  const indexes = bytes.subarray(at + timecnt * timeSize, at + timecnt * (timeSize + 1));
  const typesAt = at + timecnt * (timeSize + 1);
  const typeOffset = (i: number) => view.getInt32(typesAt + i * 6);
  if (indexes.some((i) => i >= typecnt)) return null;
  const end = at + blockLength(h, timeSize);
  let footer: PosixTzRule | null = null;
  if (timeSize === 8 && bytes[end] === 10) {
    const close = bytes.indexOf(10, end + 1);
    const text = new TextDecoder().decode(
      bytes.subarray(end + 1, close === -1 ? undefined : close),
    );
    footer = text === '' ? null : parsePosixTz(text);
    if (text !== '' && footer === null) return null;
  }
  return {
    times,
    offsets: Array.from(indexes, (i) => typeOffset(i)),
    initial: typeOffset(0),
    footer,
  };
}

function offsetAt(zone: Zone, instant: number): number {
  const { times } = zone;
  if (times.length === 0) return zone.footer ? posixOffsetAt(zone.footer, instant) : zone.initial;
  if (instant < times[0]!) return zone.initial;
  if (instant >= times[times.length - 1]! && zone.footer)
    return posixOffsetAt(zone.footer, instant);
  let lo = 0;
  let hi = times.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (times[mid]! <= instant) lo = mid;
    else hi = mid - 1;
  }
  return zone.offsets[lo]!;
}

/** A TimeZonePort over the tz database files in `dir`, falling back for zones it lacks. */
export function tzifTimeZone(fallback: TimeZonePort, dir = ZONEINFO): TimeZonePort {
  const zones = new Map<string, Zone | null>();
  const load = (name: string): Zone | null => {
    if (!zones.has(name)) {
      let zone: Zone | null = null;
      if (ZONE_NAME.test(name)) {
        try {
          zone = parseTzif(readFileSync(join(dir, name)));
        } catch {
          zone = null;
        }
      }
      zones.set(name, zone);
    }
    return zones.get(name)!;
  };
  return {
    offsetMinutes(instantMs, name) {
      const zone = load(name);
      if (!zone) return fallback.offsetMinutes(instantMs, name);
      return Math.round(offsetAt(zone, Math.floor(instantMs / 1000)) / 60);
    },
    isValidZone(name) {
      return load(name) !== null || fallback.isValidZone(name);
    },
  };
}

/** This machine's zone from TZ or the /etc/localtime link, without Intl; null if neither says. */
export function systemZoneName(
  env: { readonly TZ?: string | undefined },
  localtime = '/etc/localtime',
): string | null {
  const tz = env.TZ?.replace(/^:/, '');
  if (tz !== undefined && tz !== '') return tz;
  try {
    const target = readlinkSync(localtime);
    const at = target.lastIndexOf('zoneinfo/');
    return at === -1 ? null : target.slice(at + 'zoneinfo/'.length);
  } catch {
    return null;
  }
}
