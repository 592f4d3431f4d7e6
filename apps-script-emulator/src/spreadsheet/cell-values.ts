import { types } from 'node:util';
import { instantFromWall } from '../time/zoned.ts';
import { evaluateFormula } from './formula.ts';

/** What a cell holds. Dates are Node Dates here; the bridge converts them for the script. */
export type CellValue = string | number | boolean | Date;

/** A written value after Sheets interpreted it. */
export interface StoredInput {
  /** '' for an empty cell. For a formula: what it evaluated to. */
  value: CellValue;
  formula: string | null;
  /** The format Sheets picks when it recognises typed text as a date ("2026-11-27"). */
  autoFormat: string | null;
}

export const TEXT_FORMAT = '@';
export const DEFAULT_NUMBER_FORMAT = '0.###############';

const NUMBER_RE = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;
const ISO_DATE_RE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;

function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/\d/.test(t) || !NUMBER_RE.test(t)) return null;
  const percent = t.endsWith('%');
  const n = Number(t.replace(/[,%]/g, ''));
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

function validDate(y: number, m: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const probe = new Date(Date.UTC(y, m - 1, d));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === m - 1 &&
    probe.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  );
}

/** Text Sheets would read as a date or time, as an instant in the spreadsheet's zone. */
function parseDateText(text: string, zone: string): { date: Date; format: string } | null {
  const t = text.trim();
  const iso = ISO_DATE_RE.exec(t);
  const us = iso ? null : US_DATE_RE.exec(t);
  const m = iso ?? us;
  if (m) {
    const [y, mo, d] = iso ? [m[1], m[2], m[3]] : [m[3], m[1], m[2]];
    const fields = [y, mo, d, m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validDate(...fields)) return null;
    const hasTime = m[4] !== undefined;
    const dateFormat = iso ? 'yyyy-mm-dd' : 'm/d/yyyy';
    return {
      date: new Date(instantFromWall(zone, ...fields)),
      format: hasTime ? `${dateFormat} h:mm:ss` : dateFormat,
    };
  }
  const time = TIME_RE.exec(t);
  if (time) {
    let h = Number(time[1]);
    const meridiem = time[4]?.toUpperCase();
    if (meridiem && (h < 1 || h > 12)) return null;
    if (meridiem === 'P' && h < 12) h += 12;
    if (meridiem === 'A' && h === 12) h = 0;
    const mi = Number(time[2]);
    const s = Number(time[3] ?? 0);
    if (!validDate(1899, 12, 30, h, mi, s)) return null;
    // Sheets stores a bare time as that time on its day zero, 1899-12-30.
    return { date: new Date(instantFromWall(zone, 1899, 12, 30, h, mi, s)), format: 'h:mm:ss' };
  }
  return null;
}

/**
 * How Sheets stores what setValue/setValues writes (user-entered semantics): "=…" becomes a
 * formula, text that looks like a number, boolean or date becomes one, unless the cell's
 * number format is plain text ("@") or the text starts with an apostrophe.
 */
export function interpretInput(
  input: unknown,
  numberFormat: string | undefined,
  zone: string,
): StoredInput {
  const plain = (value: CellValue): StoredInput => ({ value, formula: null, autoFormat: null });
  if (input === null || input === undefined) return plain('');
  if (typeof input === 'number' || typeof input === 'boolean') return plain(input);
  if (types.isDate(input)) return plain(new Date((input as Date).getTime()));
  const text = String(input);
  if (text === '' || numberFormat === TEXT_FORMAT) return plain(text);
  if (text.startsWith("'")) return plain(text.slice(1));
  if (text.startsWith('=') && text.length > 1) {
    return { value: evaluateFormula(text.slice(1)), formula: text, autoFormat: null };
  }
  const n = parseNumber(text);
  if (n !== null) return plain(n);
  if (/^(true|false)$/i.test(text.trim())) return plain(text.trim().toLowerCase() === 'true');
  const date = parseDateText(text, zone);
  if (date) return { value: date.date, formula: null, autoFormat: date.format };
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1) {
    // Strict on purpose: a leading + or - makes Sheets try to parse a formula, so user text
    // like "-call mom" must be written into a plain-text ("@") cell.
    const formula = `=${text}`;
    return { value: evaluateFormula(text), formula, autoFormat: null };
  }
  return plain(text);
}
