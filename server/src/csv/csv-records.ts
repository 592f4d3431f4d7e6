// A strict, quick reader for RFC 4180 CSV (the format the add-on and `migrate` write): what
// `mindflow rank` reads 10,000 rows with before a person notices. It reads only what it is
// sure of and stops at anything else (a stray quote, a bare CR), so the caller can hand the
// file to csv-parse, which reads leniently and words the error.

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Where the reader is, and the line ends seen: csv-parse settles on the first kind. */
interface Cursor {
  p: number;
  crlf: boolean | null;
}

function sameEnd(c: Cursor, crlf: boolean): boolean {
  c.crlf ??= crlf;
  return c.crlf === crlf;
}

/**
 * Calls `visit` with each record of `text` (empty lines skipped, a leading BOM ignored), in
 * order, each array its own. Answers false, having stopped, at anything it is not sure of or
 * when `visit` answers false. Records are handed over one by one, so a caller that keeps few
 * keeps the memory small.
 */
export function forEachCsvRecord(
  text: string,
  visit: (fields: string[]) => boolean | void,
): boolean {
  const c: Cursor = { p: text.charCodeAt(0) === 0xfeff ? 1 : 0, crlf: null };
  const end = text.length;
  let quote = -1; // the next quote at or after c.p, searched again only once c.p passes it
  while (c.p < end) {
    const p = c.p;
    let lineEnd = text.indexOf('\n', p);
    if (lineEnd === -1) lineEnd = end;
    if (quote !== end && quote < p) {
      quote = text.indexOf('"', p);
      if (quote === -1) quote = end;
    }
    if (quote >= lineEnd) {
      // No quote on this line: a plain split (the common row).
      const crlf = lineEnd < end && lineEnd > p && text.charCodeAt(lineEnd - 1) === CR;
      const line = text.slice(p, crlf ? lineEnd - 1 : lineEnd);
      if (line.includes('\r') || (lineEnd < end && !sameEnd(c, crlf))) return false;
      if (line !== '' && visit(line.split(',')) === false) return false;
      c.p = lineEnd + 1;
      continue;
    }
    const fields = quotedRecord(text, c);
    if (fields === null || visit(fields) === false) return false;
  }
  return true;
}

/** Every record of `text`, or null where forEachCsvRecord would stop. */
export function readCsvRecords(text: string): string[][] | null {
  const records: string[][] = [];
  return forEachCsvRecord(text, (r) => {
    records.push(r);
  })
    ? records
    : null;
}

/** The quoted field at c.p; moves c.p past it. Null if it is not closed. */
function quotedField(text: string, c: Cursor): string | null {
  let field = '';
  let from = c.p + 1;
  for (;;) {
    const close = text.indexOf('"', from);
    if (close === -1) return null;
    field += text.slice(from, close);
    if (text.charCodeAt(close + 1) !== QUOTE) {
      c.p = close + 1;
      return field;
    }
    field += '"';
    from = close + 2;
  }
}

/** The unquoted field at c.p; moves c.p to the character after it. Null if a quote is in it. */
function plainField(text: string, c: Cursor): string | null {
  const start = c.p;
  let q = start;
  for (; q < text.length; q++) {
    const ch = text.charCodeAt(q);
    if (ch === COMMA || ch === LF || ch === CR) break;
    if (ch === QUOTE) return null;
  }
  c.p = q;
  return text.slice(start, q);
}

/** Reads one record that holds a quote, from c.p, and moves c.p to the next; null if unsure. */
function quotedRecord(text: string, c: Cursor): string[] | null {
  const fields: string[] = [];
  for (;;) {
    const field = text.charCodeAt(c.p) === QUOTE ? quotedField(text, c) : plainField(text, c);
    if (field === null) return null;
    fields.push(field);
    const ch = text.charCodeAt(c.p);
    if (ch === COMMA) {
      c.p++;
      continue;
    }
    if (c.p >= text.length) return fields;
    if (ch === LF && sameEnd(c, false)) {
      c.p++;
      return fields;
    }
    if (ch === CR && text.charCodeAt(c.p + 1) === LF && sameEnd(c, true)) {
      c.p += 2;
      return fields;
    }
    return null; // text after a closing quote, a bare CR, or mixed line ends
  }
}
