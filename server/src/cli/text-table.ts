import { fitText, padText, textWidth } from './text-width.ts';
import { paint, type Style, type Terminal } from './terminal.ts';

const GAP = '  ';

/** A plain fixed-width table; the last column takes what is left and is not padded. */
export function textTable(headers: string[], rows: string[][], maxWidths: number[] = []): string {
  const cells = [headers, ...rows].map((r) =>
    r.map((c, i) => (maxWidths[i] === undefined ? c : fitText(c, maxWidths[i]))),
  );
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => textWidth(r[i] ?? ''))));
  return [cells[0]!, widths.map((w) => '─'.repeat(w)), ...cells.slice(1)]
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : padText(c, widths[i]!)))
        .join(GAP)
        .trimEnd(),
    )
    .join('\n');
}

export interface TableColumn {
  header: string;
  /** The header once the column is narrower than `header`. */
  narrowHeader?: string;
  align?: 'right';
  /** How a cell is cut to a width; default: cut with …. */
  cut?: (text: string, width: number) => string;
  style?: (cell: string, row: number) => Style | null;
}

/** One way to narrow a table: shrink a column (to at least `to` columns), or leave it out. */
export type FitStep = { shrink: number; to: number } | { drop: number };

export interface TableLayout {
  /** Indexes of the columns shown, in order. */
  shown: number[];
  widths: number[];
  /** False when the steps could not make it fit: the best they did. */
  fits: boolean;
}

function natural(columns: readonly TableColumn[], rows: readonly string[][], i: number): number {
  return Math.max(textWidth(columns[i]!.header), ...rows.map((r) => textWidth(r[i]!)));
}

/**
 * Applies `steps` in order until the table fits `width` columns. A null width (the output is
 * not a terminal) keeps every column whole.
 */
export function layoutTable(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  width: number | null,
  steps: readonly FitStep[] = [],
): TableLayout {
  const naturals = columns.map((_, i) => natural(columns, rows, i));
  const widths = new Map(naturals.map((w, i) => [i, w]));
  const total = () =>
    [...widths.values()].reduce((a, b) => a + b, 0) + GAP.length * (widths.size - 1);
  const shrunk: number[] = [];
  for (const step of steps) {
    if (width === null || total() <= width) break;
    if ('drop' in step) widths.delete(step.drop);
    else if (widths.has(step.shrink)) {
      const excess = total() - width;
      widths.set(step.shrink, Math.max(step.to, widths.get(step.shrink)! - excess));
      shrunk.push(step.shrink);
    }
  }
  // A later step (a column left out) may have freed more than it needed: give it back to
  // the columns shrunk first.
  for (const i of shrunk) {
    const slack = width === null ? 0 : width - total();
    if (slack <= 0 || !widths.has(i)) continue;
    widths.set(i, Math.min(naturals[i]!, widths.get(i)! + slack));
  }
  const shown = [...widths.keys()];
  return {
    shown,
    widths: shown.map((i) => widths.get(i)!),
    fits: width === null || total() <= width,
  };
}

export interface TableOptions {
  /**
   * A line under each row (the why of a ranked task), starting under the first of the
   * `under` columns that leaves it `room` columns, else under the last of them.
   */
  details?: { lines: readonly string[]; under: readonly number[]; room: number; style?: Style };
}

/** The table as laid out: header, then each row (and its detail line); colour after cutting. */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  layout: TableLayout,
  terminal: Terminal,
  options: TableOptions = {},
): string {
  const { shown, widths } = layout;
  const cutCell = (k: number, text: string) => {
    const column = columns[shown[k]!]!;
    if (textWidth(text) <= widths[k]!) return text;
    return (column.cut ?? fitText)(text, widths[k]!);
  };
  const line = (plain: string[], styles: (Style | null)[]) =>
    plain
      .map((text, k) => {
        const fill = ' '.repeat(Math.max(0, widths[k]! - textWidth(text)));
        const styled = paint(terminal, styles[k] ?? null, text);
        if (columns[shown[k]!]!.align === 'right') return fill + styled;
        return k === plain.length - 1 ? styled : styled + fill;
      })
      .join(GAP)
      .trimEnd();
  const headers = shown.map((i, k) => {
    const c = columns[i]!;
    const h = textWidth(c.header) <= widths[k]! ? c.header : (c.narrowHeader ?? c.header);
    return fitText(h, widths[k]!);
  });
  const out = [
    line(
      headers,
      headers.map(() => 'bold'),
    ),
  ];
  const details = options.details;
  const indentOf = (column: number) =>
    widths.slice(0, Math.max(0, shown.indexOf(column))).reduce((sum, w) => sum + w + GAP.length, 0);
  const indents = (details?.under ?? []).map(indentOf);
  const indent =
    indents.find((i) => terminal.width === null || terminal.width - i >= details!.room) ??
    indents[indents.length - 1] ??
    0;
  rows.forEach((row, r) => {
    const plain = shown.map((i, k) => cutCell(k, row[i]!));
    out.push(
      line(
        plain,
        plain.map((text, k) => columns[shown[k]!]!.style?.(text, r) ?? null),
      ),
    );
    const detail = details?.lines[r];
    if (detail) {
      const room = terminal.width === null ? null : terminal.width - indent;
      const text = room === null ? detail : fitText(detail, room);
      out.push(' '.repeat(indent) + paint(terminal, details.style ?? null, text));
    }
  });
  return out.join('\n');
}
