import { wallClock } from '../time/zoned.ts';
import { DEFAULT_NUMBER_FORMAT, TEXT_FORMAT, type CellValue } from './cell-values.ts';

/** How Sheets shows a Date written by a script into an unformatted cell. */
const DEFAULT_DATE_FORMAT = 'm/d/yyyy h:mm:ss';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A small subset of Sheets' date format language: yyyy yy m mm mmm d dd h hh mm(minutes after
 * h) ss am/pm. "m" means minutes when it follows an hour or precedes seconds, as in Sheets.
 */
function formatDateCell(date: Date, format: string, zone: string): string {
  const w = wallClock(date.getTime(), zone);
  const twelveHour = /am\/pm/i.test(format);
  const tokens = format.match(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s|am\/pm|"[^"]*"|./gi) ?? [];
  let out = '';
  let afterHour = false;
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /[a-z]/i.test(t))
        ?.toLowerCase() ?? '';
    const hour = twelveHour ? ((w.hour + 11) % 12) + 1 : w.hour;
    if (lower === 'yyyy') out += String(w.year);
    else if (lower === 'yy') out += pad(w.year % 100);
    else if (lower === 'mmmm' || lower === 'mmm') {
      const name = new Date(Date.UTC(2000, w.month - 1, 1)).toLocaleString('en-US', {
        month: lower === 'mmmm' ? 'long' : 'short',
        timeZone: 'UTC',
      });
      out += name;
    } else if (lower === 'mm' || lower === 'm') {
      const minutes = afterHour || next.startsWith('s');
      const n = minutes ? w.minute : w.month;
      out += lower === 'mm' ? pad(n) : String(n);
    } else if (lower === 'dd') out += pad(w.day);
    else if (lower === 'd') out += String(w.day);
    else if (lower === 'hh') out += pad(hour);
    else if (lower === 'h') out += String(hour);
    else if (lower === 'ss') out += pad(w.second);
    else if (lower === 's') out += String(w.second);
    else if (lower === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (token.startsWith('"')) out += token.slice(1, -1);
    else out += token;
    if (lower === 'h' || lower === 'hh') afterHour = true;
    else if (/[a-z]/i.test(lower) && !lower.startsWith('m')) afterHour = false;
  });
  return out;
}

function formatNumberCell(n: number, format: string): string {
  const m = /^(#,##0|0)(\.(0+))?(%)?$/.exec(format);
  if (!m) return String(n);
  const scaled = m[4] ? n * 100 : n;
  const decimals = m[3]?.length ?? 0;
  let text = scaled.toFixed(decimals);
  if (m[1] === '#,##0') {
    const [int = '', frac] = text.split('.');
    text = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  }
  return text + (m[4] ? '%' : '');
}

/** What getDisplayValues shows for a stored value under its number format. */
export function displayValue(
  value: CellValue,
  numberFormat: string | undefined,
  autoFormat: string | undefined,
  zone: string,
): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const format = numberFormat ?? autoFormat;
  if (value instanceof Date) {
    const f = format && format !== DEFAULT_NUMBER_FORMAT && format !== TEXT_FORMAT ? format : null;
    return formatDateCell(value, f ?? DEFAULT_DATE_FORMAT, zone);
  }
  if (!format || format === DEFAULT_NUMBER_FORMAT || format === TEXT_FORMAT) return String(value);
  return formatNumberCell(value, format);
}
