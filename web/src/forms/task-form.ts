import {
  describeRepeat,
  normalizeRepeat,
  type FieldIssue,
  type Task,
  type ZonedCalendar,
} from '@mindflow/shared';
import { dueParts } from '../format/due-label.ts';

/** The editor's inputs as the user typed them; strings, like the DOM's values. */
export interface TaskForm {
  title: string;
  priority: string;
  due_date: string;
  due_time: string;
  effort_minutes: string;
  preferred_time: string;
  tags: string;
  /** A phrase ("every monday") or an RRULE; empty for a task that does not repeat. */
  repeat: string;
  description: string;
}

/** The task fields the editor changes; issues name these, as the core's details do. */
export const FORM_FIELDS = [
  'title',
  'priority',
  'due',
  'effort_minutes',
  'preferred_time',
  'tags',
  'repeat',
  'description',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

function hhmm(minuteOfDay: number): string {
  const h = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  return `${h}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/**
 * A stored RRULE as people type it: the English description when the parser reads that
 * back to the same rule ("every week on Monday"), else the RRULE itself.
 */
export function repeatText(rrule: string | null): string {
  if (rrule === null) return '';
  const words = describeRepeat(rrule);
  const back = normalizeRepeat(words);
  const stored = normalizeRepeat(rrule);
  return back.ok && stored.ok && back.rrule === stored.rrule ? words : rrule;
}

/** What the Repeat field will save, in words, or why it cannot: shown under the field. */
export function repeatPreview(text: string): { ok: boolean; text: string } {
  if (text.trim() === '') return { ok: true, text: 'Does not repeat' };
  const parsed = normalizeRepeat(text);
  return parsed.ok
    ? { ok: true, text: `Repeats ${describeRepeat(parsed.rrule)}` }
    : { ok: false, text: parsed.message };
}

export function formFromTask(task: Task, calendar: ZonedCalendar): TaskForm {
  const due = task.due === null ? null : dueParts(task.due, calendar);
  return {
    title: task.title,
    priority: String(task.priority),
    due_date: due?.date ?? '',
    due_time: due?.minuteOfDay == null ? '' : hhmm(due.minuteOfDay),
    effort_minutes: task.effort_minutes === null ? '' : String(task.effort_minutes),
    preferred_time: task.preferred_time ?? '',
    tags: task.tags.join(', '),
    repeat: repeatText(task.repeat),
    description: task.description ?? '',
  };
}

/** The field a core issue is about: "tags.1" → tags; null when it is none of the form's. */
export function formFieldOf(issueField: string): FormField | null {
  const head = issueField.split('.')[0] ?? '';
  return (FORM_FIELDS as readonly string[]).includes(head) ? (head as FormField) : null;
}

type FieldValue = { value: unknown } | { issue: FieldIssue };

function dueValue(form: TaskForm, calendar: ZonedCalendar): FieldValue {
  if (form.due_date === '' && form.due_time === '') return { value: null };
  if (form.due_date === '') {
    return { issue: { field: 'due', rule: 'required', message: 'due: pick a date for this time' } };
  }
  if (form.due_time === '') return { value: form.due_date };
  const [h, m] = form.due_time.split(':').map(Number);
  const at = calendar.instantAt(form.due_date, (h ?? 0) * 60 + (m ?? 0));
  return { value: calendar.formatInstant(at) };
}

function effortValue(text: string): FieldValue {
  if (text.trim() === '') return { value: null };
  const n = Number(text);
  if (Number.isFinite(n)) return { value: n };
  const message = 'effort_minutes must be a whole number of minutes';
  return { issue: { field: 'effort_minutes', rule: 'type', message } };
}

function valueOf(field: FormField, form: TaskForm, calendar: ZonedCalendar): FieldValue {
  switch (field) {
    case 'title':
      return { value: form.title };
    case 'priority':
      return { value: Number(form.priority) };
    case 'due':
      return dueValue(form, calendar);
    case 'effort_minutes':
      return effortValue(form.effort_minutes);
    case 'preferred_time':
      return { value: form.preferred_time === '' ? null : form.preferred_time };
    case 'tags':
      return { value: form.tags.split(/[\s,]+/).filter((t) => t !== '') };
    case 'repeat':
      return { value: form.repeat.trim() === '' ? null : form.repeat.trim() };
    case 'description':
      return { value: form.description.trim() === '' ? null : form.description };
  }
}

/** What a field's text means, so retyping the same thing is not a change. */
function meaning(field: FormField, form: TaskForm): string {
  if (field === 'due') return `${form.due_date} ${form.due_time}`;
  if (field === 'tags')
    return form.tags
      .split(/[\s,]+/)
      .filter((t) => t !== '')
      .join(' ');
  if (field === 'description') return form.description.trim() === '' ? '' : form.description;
  if (field === 'repeat') {
    const parsed = normalizeRepeat(form.repeat);
    return form.repeat.trim() === '' ? '' : parsed.ok ? parsed.rrule : form.repeat.trim();
  }
  return form[field];
}

export type PatchOutcome =
  { ok: true; patch: Partial<Record<FormField, unknown>> } | { ok: false; issues: FieldIssue[] };

/**
 * updateTask's fields for what the user changed, and only that: an untouched field is
 * never re-sent, so a concurrent change to it is not overwritten with a stale value.
 * Range and format rules are left to the core, whose messages the editor shows.
 */
export function patchFromForm(form: TaskForm, task: Task, calendar: ZonedCalendar): PatchOutcome {
  const original = formFromTask(task, calendar);
  const patch: Partial<Record<FormField, unknown>> = {};
  const issues: FieldIssue[] = [];
  for (const field of FORM_FIELDS) {
    if (meaning(field, form) === meaning(field, original)) continue;
    const v = valueOf(field, form, calendar);
    if ('issue' in v) issues.push(v.issue);
    else patch[field] = v.value;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, patch };
}
