// The rule a TZif file's footer gives for every instant after its last transition, in the
// POSIX TZ form "EST5EDT,M3.2.0,M11.1.0" (RFC 8536 §3.3, with its extensions: hours up to
// 167, negative transition times, <+0530>-style names).

export interface PosixTzRule {
  /** Standard time's offset from UTC in seconds (New York: −18000). */
  std: number;
  /** Daylight time's offset, and when it starts and ends; absent without DST. */
  dst?: { offset: number; start: DateRule; end: DateRule };
}

/** A day of the year and the local time (seconds) the change happens at. */
type DateRule =
  | { kind: 'julian'; day: number; time: number } // Jn: 1–365, February 29 never counted
  | { kind: 'zero'; day: number; time: number } // n: 0–365, February 29 counted
  | { kind: 'month'; month: number; week: number; weekday: number; time: number }; // Mm.w.d

const NAME = /^(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)/;
const OFFSET = /^([+-]?)(\d{1,3})(?::(\d{1,2}))?(?::(\d{1,2}))?/;

function seconds(m: RegExpExecArray): number {
  const value = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -value : value;
}

function dateRule(text: string): DateRule | null {
  const [date = '', time] = text.split('/');
  const at = time === undefined ? 7200 : OFFSET.exec(time);
  if (at === null) return null;
  const t = typeof at === 'number' ? at : seconds(at);
  let m = /^J(\d{1,3})$/.exec(date);
  if (m) return { kind: 'julian', day: Number(m[1]), time: t };
  m = /^(\d{1,3})$/.exec(date);
  if (m) return { kind: 'zero', day: Number(m[1]), time: t };
  m = /^M(\d{1,2})\.(\d)\.(\d)$/.exec(date);
  if (m)
    return {
      kind: 'month',
      month: Number(m[1]),
      week: Number(m[2]),
      weekday: Number(m[3]),
      time: t,
    };
  return null;
}

/** Parses a POSIX TZ string; null when it is not one this reader understands. */
export function parsePosixTz(text: string): PosixTzRule | null {
  let rest = text;
  const take = (re: RegExp) => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length);
    return m;
  };
  if (!take(NAME)) return null;
  const stdOffset = take(OFFSET);
  if (!stdOffset) return null;
  // POSIX offsets count west of Greenwich: "EST5" is five hours behind UTC.
  const std = 0 - seconds(stdOffset);
  if (rest === '') return { std };
  if (!take(NAME)) return null;
  const dstOffset = take(OFFSET);
  const offset = dstOffset ? 0 - seconds(dstOffset) : std + 3600;
  // zic always writes the rule; POSIX's default is the United States' one.
  const rules = rest === '' ? ['M3.2.0', 'M11.1.0'] : rest.replace(/^,/, '').split(',');
  if (rules.length !== 2) return null;
  const start = dateRule(rules[0]!);
  const end = dateRule(rules[1]!);
  return start && end ? { std, dst: { offset, start, end } } : null;
}

const DAY = 86_400;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Seconds from the epoch to 00:00 (UTC reckoning) of the rule's day in `year`. */
function dayStart(rule: DateRule, year: number): number {
  const jan1 = Date.UTC(year, 0, 1) / 1000;
  if (rule.kind === 'zero') return jan1 + rule.day * DAY;
  if (rule.kind === 'julian') {
    const afterFeb = rule.day > 59 && isLeap(year) ? 1 : 0;
    return jan1 + (rule.day - 1 + afterFeb) * DAY;
  }
  const first = Date.UTC(year, rule.month - 1, 1) / 1000;
  const firstWeekday = new Date(first * 1000).getUTCDay();
  let day = ((rule.weekday - firstWeekday + 7) % 7) + (rule.week - 1) * 7;
  const length = new Date(Date.UTC(year, rule.month, 0)).getUTCDate();
  while (day >= length) day -= 7; // week 5 means the last such weekday
  return first + day * DAY;
}

/** The offset (seconds) the rule gives at `instant` (seconds since the epoch). */
export function posixOffsetAt(rule: PosixTzRule, instant: number): number {
  const dst = rule.dst;
  if (!dst) return rule.std;
  const year = new Date(instant * 1000).getUTCFullYear();
  // The start is written in standard time, the end in daylight time.
  const start = dayStart(dst.start, year) + dst.start.time - rule.std;
  const end = dayStart(dst.end, year) + dst.end.time - dst.offset;
  const inDst =
    start < end ? instant >= start && instant < end : !(instant >= end && instant < start);
  return inDst ? dst.offset : rule.std;
}
