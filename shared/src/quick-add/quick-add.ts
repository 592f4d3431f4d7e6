// PLACEHOLDER — replaced by the quick-add work.
import type { ZonedCalendar } from '../time/time-zone.ts';
export interface QuickAddToken {
  kind:
    'title' | 'due' | 'priority' | 'effort' | 'tag' | 'preferred_time' | 'repeat' | 'connective';
  text: string;
  value?: string | number;
}
export interface QuickAddFields {
  title: string;
  due: string | null;
  priority: number | null;
  effort_minutes: number | null;
  tags: string[];
  preferred_time: 'morning' | 'afternoon' | 'evening' | null;
  repeat: string | null;
}
export interface QuickAddParse {
  fields: QuickAddFields;
  tokens: QuickAddToken[];
}
export function parseQuickAdd(
  text: string,
  _options: { now: number; calendar: ZonedCalendar },
): QuickAddParse {
  return {
    fields: {
      title: text.trim(),
      due: null,
      priority: null,
      effort_minutes: null,
      tags: [],
      preferred_time: null,
      repeat: null,
    },
    tokens: text
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => ({ kind: 'title', text: w })),
  };
}
