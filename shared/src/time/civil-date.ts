// Calendar arithmetic on civil dates ('YYYY-MM-DD'), independent of any time zone.
// Dates are handled as whole days since 1970-01-01 so DST never enters into it.

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function parseCivilDate(text: string): CivilDate | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCivilDate(text: string): boolean {
  return parseCivilDate(text) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function formatCivilDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Whole days since 1970-01-01 for a valid 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  const d = parseCivilDate(date);
  if (!d) throw new Error(`not a calendar date: ${date}`);
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function dateFromDayNumber(n: number): string {
  const t = new Date(n * DAY_MS);
  return formatCivilDate({
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
  });
}

export function addDays(date: string, days: number): string {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** b − a in whole calendar days. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const n = dayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

export function pad(n: number, width: number): string {
  return String(Math.abs(n)).padStart(width, '0');
}
