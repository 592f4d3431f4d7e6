import { Task, type Cell, type ColumnMap, type TaskField } from '@mindflow/shared';

// readTaskRow is lenient: it trims, fills ids and normalises timestamps to UTC, which is
// right for rows people type. Rows a program wrote must come back exactly as written
// (a snooze until 08:00+05:30 stays +05:30), so those are recognised here first and only
// the others go through readTaskRow. (The server's Sheets store has the same pass: both
// belong in shared/.)

function text(cell: Cell): string | null {
  if (cell === null || cell === undefined || cell === '') return null;
  return String(cell);
}

function whole(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  const s = text(cell);
  if (s === null) return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** The task a row holds verbatim, or null when it is not a complete, valid, program-written task. */
export function exactTask(cells: readonly Cell[], columns: ColumnMap): Task | null {
  const raw = (f: TaskField): Cell => (columns[f] >= 0 ? cells[columns[f]] : undefined);
  for (const f of Object.keys(columns) as TaskField[]) {
    // A date typed into a cell is a Date: its meaning depends on the zone, so it is read leniently.
    if (raw(f) instanceof Date) return null;
  }
  const candidate = {
    id: text(raw('id')),
    title: text(raw('title')) ?? '',
    description: text(raw('description')),
    status: text(raw('status')),
    priority: whole(raw('priority')),
    due: text(raw('due')),
    effort_minutes: whole(raw('effort_minutes')),
    preferred_time: text(raw('preferred_time')),
    tags: (text(raw('tags')) ?? '').split(', ').filter(Boolean),
    snoozed_until: text(raw('snoozed_until')),
    repeat: text(raw('repeat')),
    created_at: text(raw('created_at')),
    updated_at: text(raw('updated_at')),
    completed_at: text(raw('completed_at')),
  };
  // Validated by the schema, but kept as written (the schema would trim the title).
  return Task.safeParse(candidate).success ? (candidate as Task) : null;
}
