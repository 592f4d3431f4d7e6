// The task's fields and the limits on them, without zod: what the schema (task.schema.ts) is
// built from, and what hot paths that must not load zod (the CLI reading 10,000 rows) use.

/** The field names in wire / header / column order (task.schema.ts checks its shape agrees). */
export const TASK_FIELDS = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'due',
  'effort_minutes',
  'preferred_time',
  'tags',
  'snoozed_until',
  'repeat',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

export const TASK_STATUSES = ['pending', 'in_progress', 'completed', 'snoozed'] as const;
export const PREFERRED_TIMES = ['morning', 'afternoon', 'evening'] as const;
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const TAGS_MAX = 20;
export const TAG_RE = /^[\p{L}\p{N}_-]{1,40}$/u;

export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of tags) {
    const key = t.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(t);
    }
  }
  return out;
}
