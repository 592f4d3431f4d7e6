import { ServiceError } from '../runtime/api-object.ts';
import { isKnownZone, wallClock, type WallClock } from './zoned.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const pad = (n: number, width: number): string => String(Math.abs(n)).padStart(width, '0');

function offset(minutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (style !== 'Z' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'X') return `${sign}${h}`;
  return style === 'XXX' ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

function field(letter: string, count: number, w: WallClock): string {
  switch (letter) {
    case 'y':
      return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
    case 'M':
      if (count >= 4) return MONTHS[w.month - 1] ?? '';
      if (count === 3) return (MONTHS[w.month - 1] ?? '').slice(0, 3);
      return pad(w.month, count);
    case 'd':
      return pad(w.day, count);
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'h':
      return pad(((w.hour + 11) % 12) + 1, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, 3).slice(0, Math.max(count, 3)).padEnd(count, '0');
    case 'E':
      return count >= 4 ? (DAYS[w.weekday - 1] ?? '') : (DAYS[w.weekday - 1] ?? '').slice(0, 3);
    case 'u':
      return pad(w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'Z':
      return offset(w.offsetMinutes, 'Z');
    case 'X':
      return offset(w.offsetMinutes, count === 1 ? 'X' : count === 2 ? 'XX' : 'XXX');
    default:
      // Anything else (YYYY week-years, D day-of-year, z zone names …) is not emulated:
      // fail loudly rather than print something plausible but wrong.
      throw new ServiceError(`Utilities.formatDate: pattern letter '${letter}' is not emulated`);
  }
}

/** Quoted literal text; '' is a quote, inside or outside quotes, as in SimpleDateFormat. */
function readQuoted(pattern: string, start: number): { text: string; next: number } {
  if (pattern.charAt(start + 1) === "'") return { text: "'", next: start + 2 };
  let text = '';
  for (let i = start + 1; i < pattern.length; i++) {
    if (pattern.charAt(i) !== "'") {
      text += pattern.charAt(i);
    } else if (pattern.charAt(i + 1) === "'") {
      text += "'";
      i++;
    } else {
      return { text, next: i + 1 };
    }
  }
  throw new ServiceError(`Utilities.formatDate: unterminated quote in '${pattern}'`);
}

/**
 * Utilities.formatDate: java.text.SimpleDateFormat patterns over real IANA zone data.
 * Unknown zones fall back to GMT, as Java's TimeZone.getTimeZone does.
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ServiceError('Invalid argument: date');
  }
  const w = wallClock(date.getTime(), isKnownZone(timeZone) ? timeZone : 'UTC');
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const quoted = readQuoted(pattern, i);
      out += quoted.text;
      i = quoted.next;
    } else if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern.charAt(i + count) === ch) count++;
      out += field(ch, count, w);
      i += count;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
