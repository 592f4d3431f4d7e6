import {
  pad,
  parseDue,
  priorityLabel,
  scoreLabel,
  type DeadlineCase,
  type ScoredTask,
  type ZonedCalendar,
} from '@mindflow/shared';
import type { Style, Terminal } from './terminal.ts';
import { wrapText } from './text-width.ts';
import { layoutTable, renderTable, type FitStep, type TableColumn } from './text-table.ts';

export interface Ranking {
  shown: readonly ScoredTask[];
  active: number;
  total: number;
  now: number;
  calendar: ZonedCalendar;
}

/** A due in the user's zone: "2026-11-24", or "2026-12-04 15:00" for a moment. */
function dueCell(due: string | null, calendar: ZonedCalendar): string {
  if (due === null) return '—';
  const parsed = parseDue(due);
  if (!parsed) return due;
  if (parsed.kind === 'date') return parsed.date;
  const l = calendar.local(parsed.ms);
  return `${l.date} ${pad(l.hour, 2)}:${pad(l.minute, 2)}`;
}

// Todoist's colours: P1 red, P2 orange (yellow on a terminal), P3 blue.
const PRIORITY_STYLE: Record<string, Style> = { P1: 'red', P2: 'yellow', P3: 'blue' };
const DUE_STYLE: Partial<Record<DeadlineCase, Style>> = { overdue: 'red', today: 'yellow' };

const firstWord = (text: string) => text.split(' ')[0] ?? text;

function columns(shown: readonly ScoredTask[]): TableColumn[] {
  return [
    { header: '#', align: 'right', style: () => 'dim' },
    // "107 / 133": the score with its scale; just "107" when the terminal is narrow.
    { header: 'score', align: 'right', cut: firstWord },
    {
      header: 'priority',
      narrowHeader: 'P',
      cut: firstWord,
      style: (cell) => PRIORITY_STYLE[firstWord(cell)] ?? null,
    },
    { header: 'task' },
    { header: 'due', style: (_, r) => DUE_STYLE[shown[r]!.reasoning.deadline] ?? null },
    { header: 'why', style: () => 'dim' },
  ];
}

// Column positions in columns() and the rows.
const SCORE = 1;
const PRIORITY = 2;
const TASK = 3;
const DUE = 4;
const WHY = 5;

// The why on the same line while it has room to be read; otherwise under the task.
const ONE_LINE: FitStep[] = [
  { shrink: WHY, to: 40 },
  { shrink: TASK, to: 20 },
];
const STACKED: FitStep[] = [
  { drop: WHY },
  { shrink: TASK, to: 24 },
  { drop: DUE },
  { shrink: PRIORITY, to: 2 },
  { shrink: TASK, to: 12 },
  { shrink: SCORE, to: 3 },
  { shrink: TASK, to: 6 },
];

/** 10000 → "10,000" (no Intl: its first use costs a short run more than the ranking). */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

function headline(r: Ranking): string {
  const when = `ranked at ${r.calendar.formatInstant(r.now)} (${r.calendar.zone})`;
  if (r.shown.length < r.active) {
    return `the best ${count(r.shown.length)} of ${count(r.active)} active tasks (${count(r.total)} in all), ${when}`;
  }
  return `${count(r.active)} active of ${count(r.total)} tasks, ${when}`;
}

/** The ranking as a table that fits the terminal, with colour when it takes it. */
export function printRanking(out: NodeJS.WritableStream, terminal: Terminal, r: Ranking): void {
  const head = headline(r);
  out.write(`${(terminal.width === null ? [head] : wrapText(head, terminal.width)).join('\n')}\n`);
  if (r.shown.length === 0) {
    out.write('\nnothing to do: every task is completed or snoozed — add a task\n');
    return;
  }
  const rows = r.shown.map((s, i) => [
    String(i + 1),
    scoreLabel(s.score),
    priorityLabel(s.task.priority),
    s.task.title.replace(/\s+/g, ' '),
    dueCell(s.task.due, r.calendar),
    s.reasoning.recommendation,
  ]);
  const cols = columns(r.shown);
  const oneLine = layoutTable(cols, rows, terminal.width, ONE_LINE);
  const table = oneLine.fits
    ? renderTable(cols, rows, oneLine, terminal)
    : renderTable(cols, rows, layoutTable(cols, rows, terminal.width, STACKED), terminal, {
        details: {
          lines: rows.map((row) => row[WHY]!),
          under: [TASK, SCORE],
          room: 40,
          style: 'dim',
        },
      });
  out.write(`\n${table}\n`);
}
