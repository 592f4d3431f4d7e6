// Calendar arithmetic on civil dates ('YYYY-MM-DD'), independent of any time zone.
// Dates are handled as whole days since 1970-01-01 so DST never enters into it.

const DAY_MS = 86_400_000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

// Ranking parses a due date for every task on every request: this is a hot path, so it
// reads digits by char code instead of running a regex and building Date objects.
/** The number written by the ASCII digits text[from..to), or −1 if one is not a digit. */
export function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function parseCivilDate(text: string): CivilDate | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCivilDate(text: string): boolean {
  return parseCivilDate(text) !== null;
}

// The years a date or instant may be written with anywhere the model accepts one. Every
// time helper is total over them with room to spare (a day, a year, a time zone either
// side), so a due date "near the end of time" cannot break a plan or an email.
export const FIRST_ACCEPTED_YEAR = 1970;
export const LAST_ACCEPTED_YEAR = 2199;
export const ACCEPTED_YEARS_RULE = `between ${FIRST_ACCEPTED_YEAR}-01-01 and ${LAST_ACCEPTED_YEAR}-12-31`;

/** Whether the date a text starts with (YYYY-MM-DD…) is in the accepted years. */
export function isInAcceptedYears(text: string): boolean {
  const year = digits(text, 0, 4);
  return year >= FIRST_ACCEPTED_YEAR && year <= LAST_ACCEPTED_YEAR;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function formatCivilDate(d: CivilDate): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Whole days since 1970-01-01 for a valid 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  const d = parseCivilDate(date);
  if (!d) throw new Error(`not a calendar date: ${date}`);
  return daysFromCivil(d.year, d.month, d.day);
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
