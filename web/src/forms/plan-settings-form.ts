import type { DailyPlanSettings, FieldIssue } from '@mindflow/shared';

// The Daily plan settings dialog's form: what the inputs hold (strings and flags, as the DOM
// has them), how that becomes the settings to save, and how the add-on's field issues are
// worded next to the control they name.

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface PlanSettingsDraft {
  enabled: boolean;
  hour: string;
  minute: string;
  calendar_ids: string[];
  work_start: string;
  work_end: string;
  /** ISO weekdays, 1 = Monday. */
  working_days: number[];
  lunch_on: boolean;
  lunch_start: string;
  lunch_end: string;
  buffer: string;
}

export function draftOf(s: DailyPlanSettings): PlanSettingsDraft {
  return {
    enabled: s.enabled,
    hour: String(s.hour),
    minute: String(s.minute),
    calendar_ids: [...s.calendar_ids],
    work_start: s.working_hours.start,
    work_end: s.working_hours.end,
    working_days: [...s.working_days],
    lunch_on: s.lunch !== null,
    lunch_start: s.lunch?.start ?? '12:00',
    lunch_end: s.lunch?.end ?? '13:00',
    buffer: String(s.buffer_minutes),
  };
}

/**
 * What Save sends: the stored settings with the dialog's fields replaced. Settings the
 * dialog does not show (default effort, …) go back unchanged; the add-on validates all.
 */
export function settingsFrom(draft: PlanSettingsDraft, stored: DailyPlanSettings): unknown {
  const buffer = draft.buffer.trim();
  return {
    ...stored,
    enabled: draft.enabled,
    hour: Number(draft.hour),
    minute: Number(draft.minute),
    calendar_ids: draft.calendar_ids,
    working_hours: { start: draft.work_start, end: draft.work_end },
    working_days: draft.working_days,
    lunch: draft.lunch_on ? { start: draft.lunch_start, end: draft.lunch_end } : null,
    buffer_minutes: buffer === '' ? null : Number(buffer),
  };
}

/** The controls' field names, in the order they appear. */
export const SETTINGS_FIELDS = [
  'enabled',
  'hour',
  'minute',
  'calendar_ids',
  'working_hours.start',
  'working_hours.end',
  'working_days',
  'lunch.start',
  'lunch.end',
  'buffer_minutes',
] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

// The add-on names fields by their wire path; people read the label they see.
const LABELS: Record<SettingsField, string> = {
  enabled: 'Email me my plan',
  hour: 'Send at (hour)',
  minute: 'Send at (minute)',
  calendar_ids: 'Calendars',
  'working_hours.start': 'Working day from',
  'working_hours.end': 'Working day to',
  working_days: 'Working days',
  'lunch.start': 'Lunch from',
  'lunch.end': 'Lunch to',
  buffer_minutes: 'Minutes kept free after a meeting',
};

/** The control an issue is about: "calendar_ids.2" → calendar_ids, "lunch" → lunch.start. */
export function fieldOf(path: string): SettingsField | null {
  const known = SETTINGS_FIELDS as readonly string[];
  const parts = path.split('.');
  while (parts.length > 0) {
    const name = parts.join('.');
    if (known.includes(name)) return name as SettingsField;
    parts.pop();
  }
  return SETTINGS_FIELDS.find((f) => path !== '' && f.startsWith(`${path}.`)) ?? null;
}

/** "Working day to: start must be before end …", from the issue the add-on gave. */
export function issueText(issue: FieldIssue, field: SettingsField | null): string {
  const label = field ? LABELS[field] : issue.field;
  let text = issue.message;
  if (text.startsWith(`${issue.field}: `)) text = text.slice(issue.field.length + 2);
  else if (text.startsWith(`${issue.field} `)) text = text.slice(issue.field.length + 1);
  return label + (/^is /.test(text) ? ' ' : ': ') + text;
}

export interface WordedIssues {
  /** In the order the add-on gave them, for the summary. */
  lines: string[];
  /** By control, for the message beside it. */
  byField: Partial<Record<SettingsField, string[]>>;
  /** The first control named, which gets focus. */
  first: SettingsField | null;
}

export function wordIssues(issues: readonly FieldIssue[]): WordedIssues {
  const out: WordedIssues = { lines: [], byField: {}, first: null };
  for (const issue of issues) {
    const field = fieldOf(issue.field ?? '');
    const line = issueText(issue, field);
    out.lines.push(line);
    if (field) {
      (out.byField[field] ??= []).push(line);
      out.first ??= field;
    }
  }
  return out;
}
