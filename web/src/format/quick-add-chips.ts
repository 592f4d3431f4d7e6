import { describeRepeat, type QuickAddParse, type ZonedCalendar } from '@mindflow/shared';
import { dueLabelLong } from './due-label.ts';
import { effortLabel, priorityLabel } from './priority-label.ts';

export type ChipKind =
  'title' | 'due' | 'priority' | 'effort' | 'tag' | 'preferred_time' | 'repeat';

export interface PreviewChip {
  kind: ChipKind;
  /** What the chip is about, read first by a screen reader: "Due". */
  label: string;
  /** What quick add made of it: "tomorrow (Wed, Mar 11)". */
  value: string;
}

/** What quick add understood, as the chips the preview shows, in a stable order. */
export function quickAddChips(
  parse: QuickAddParse,
  calendar: ZonedCalendar,
  now: number,
): PreviewChip[] {
  const f = parse.fields;
  const chips: PreviewChip[] = [];
  if (f.title !== '') chips.push({ kind: 'title', label: 'Title', value: f.title });
  if (f.due !== null) {
    chips.push({ kind: 'due', label: 'Due', value: dueLabelLong(f.due, calendar, now) });
  }
  if (f.priority !== null) {
    chips.push({ kind: 'priority', label: 'Priority', value: priorityLabel(f.priority) });
  }
  if (f.effort_minutes !== null) {
    chips.push({ kind: 'effort', label: 'Effort', value: effortLabel(f.effort_minutes) });
  }
  for (const tag of f.tags) chips.push({ kind: 'tag', label: 'Tag', value: `#${tag}` });
  if (f.preferred_time !== null) {
    chips.push({ kind: 'preferred_time', label: 'Best time', value: f.preferred_time });
  }
  if (f.repeat !== null) {
    chips.push({ kind: 'repeat', label: 'Repeats', value: describeRepeat(f.repeat) });
  }
  return chips;
}
