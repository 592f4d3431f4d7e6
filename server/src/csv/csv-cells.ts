// CSV formula injection (CWE-1236), the OWASP way: a cell that starts with = + - @, a tab or
// a CR is a formula to Excel and LibreOffice, so it is written with a leading apostrophe,
// which both show as text. To keep a round trip lossless, a cell that already starts with
// apostrophes before such a character gets one more, and the reader takes exactly one off
// any cell that starts with one or more apostrophes before such a character:
//   write: s ↦ "'" + s  when s matches /^'*[=+\-@\t\r]/, else s
//   read:  x ↦ x[1..]   when x matches /^'+[=+\-@\t\r]/, else x
// Every cell read(write(s)) = s, and nothing a spreadsheet opens as a formula is written.

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;
const APOSTROPHE = 39;

/** A cell as written to a CSV file: never a formula a spreadsheet evaluates. */
export function neutraliseCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A cell as read from a CSV file: exactly what neutraliseCell was given. */
export function restoreCell(cell: string): string {
  return cell.charCodeAt(0) === APOSTROPHE && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** restoreCell on every cell of a record, in place. */
export function restoreRecord(record: string[]): string[] {
  for (let i = 0; i < record.length; i++) {
    const cell = record[i]!;
    if (cell.charCodeAt(0) === APOSTROPHE) record[i] = restoreCell(cell);
  }
  return record;
}
