import { Task, type Cell, type ColumnMap } from '@mindflow/shared';

// The add-on's readTaskRow is lenient: it trims, fills ids and normalises timestamps, which
// is right for rows people type. Rows a program wrote (this server, the add-on, an export)
// must come back exactly as written, so they are read here first, and only rows that are
// not already valid tasks go through readTaskRow.

function cellText(c: Cell): string {
  return c === null || c === undefined ? '' : c instanceof Date ? c.toISOString() : String(c);
}

function whole(c: Cell): number | null {
  if (typeof c === 'number') return c;
  const s = cellText(c);
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** The task a row holds verbatim, or null when the row is not a complete, valid task. */
export function exactTask(cells: readonly Cell[], columns: ColumnMap): Task | null {
  const raw = (f: keyof Task): Cell => (columns[f] >= 0 ? cells[columns[f]] : undefined);
  const text = (f: keyof Task) => cellText(raw(f)) || null;
  const candidate = {
    id: text('id'),
    title: cellText(raw('title')),
    description: text('description'),
    status: text('status'),
    priority: whole(raw('priority')),
    due: text('due'),
    effort_minutes: whole(raw('effort_minutes')),
    preferred_time: text('preferred_time'),
    tags: (text('tags') ?? '').split(', ').filter(Boolean),
    snoozed_until: text('snoozed_until'),
    repeat: text('repeat'),
    created_at: text('created_at'),
    updated_at: text('updated_at'),
    completed_at: text('completed_at'),
  };
  // Validate with the schema but keep the cells as written (the schema trims titles).
  return Task.safeParse(candidate).success ? (candidate as Task) : null;
}
