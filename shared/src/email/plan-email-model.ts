import type { DayPlan, TopTask } from '../planner/day-plan.schema.ts';
import { dayLabel, durationLabel } from '../planner/plan-text.ts';
import { priorityLabel } from '../labels/priority-label.ts';
import { scoreLabel, scoreOnScale } from '../labels/score-scale.ts';
import { safeHttpUrl } from './html-escape.ts';

// What the morning email says, decided once; the HTML and the plain-text parts only dress
// it, so the two can never disagree.

const UNFIT_SHOWN = 8;

export interface PlanEmailOptions {
  /** Where the user's tasks live: the Sheet (add-on) or the dashboard (server). */
  appUrl: string;
  /** The link's words, e.g. "Open your Sheet" or "Open the dashboard". */
  appLabel: string;
  userName?: string;
}

export interface EmailLine {
  title: string;
  detail: string;
}

/** A ranked task: its priority in the shared notation and its score on its scale. */
export interface TaskLine extends EmailLine {
  /** "P2 high · score 107 / 133" */
  rank: string;
  /** The score's share of the scale, 0…1, for a bar. */
  fraction: number;
}

export interface TimelineRow extends EmailLine {
  time: string;
  kind: 'event' | 'task' | 'buffer';
}

export interface PlanEmailModel {
  subject: string;
  greeting: string;
  /** "3 meetings · 2h 15m focus · 35m free · 93% booked" */
  headline: string;
  notes: string[];
  atRisk: EmailLine[];
  /** The best task; `when` is its start, or null when it found no room. */
  top: (TaskLine & { when: string | null }) | null;
  next: TaskLine[];
  timeline: TimelineRow[];
  allDay: string[];
  unfit: EmailLine[];
  /** "…and 4 more; 2 snoozed tasks are hidden until their snooze ends." */
  unfitFooter: string | null;
  link: { url: string; label: string } | null;
  footer: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const hhmm = (iso: string) => iso.slice(11, 16);

/** "Tue 24 Nov — 3 meetings, 4 tasks planned (2h 15m focus)" */
export function planEmailSubject(plan: DayPlan): string {
  const day = dayLabel(plan.date);
  if (!plan.working_day) return `${day} — not a working day`;
  const meetings = plan.blocks.filter((b) => b.kind === 'event').length;
  const tasks = new Set(plan.blocks.flatMap((b) => (b.kind === 'task' ? [b.task_id] : []))).size;
  const focus = durationLabel(plan.summary.focus_minutes);
  return `${day} — ${plural(meetings, 'meeting')}, ${plural(tasks, 'task')} planned (${focus} focus)`;
}

function taskLine(t: TopTask): TaskLine {
  return {
    title: t.title,
    detail: t.recommendation,
    rank: `${priorityLabel(t.priority)} · score ${scoreLabel(t.score)}`,
    fraction: scoreOnScale(t.score).fraction,
  };
}

function unfitFooter(plan: DayPlan, hidden: number): string | null {
  const snoozed = plan.unscheduled.filter((u) => u.cause === 'snoozed').length;
  const parts = [];
  if (hidden > 0) parts.push(`…and ${hidden} more`);
  if (snoozed > 0) {
    parts.push(
      `${plural(snoozed, 'snoozed task')} ${snoozed === 1 ? 'is' : 'are'} hidden until the snooze ends`,
    );
  }
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

export function planEmailModel(plan: DayPlan, options: PlanEmailOptions): PlanEmailModel {
  const s = plan.summary;
  const meetings = plan.blocks.filter((b) => b.kind === 'event').length;
  const unfitAll = plan.unscheduled.filter(
    (u) => u.cause === 'no_room' || u.cause === 'due_too_soon',
  );
  const [top, ...next] = plan.top_tasks;
  const url = safeHttpUrl(options.appUrl);
  return {
    subject: planEmailSubject(plan),
    greeting: options.userName ? `Good morning, ${options.userName}.` : 'Good morning.',
    headline: plan.working_day
      ? `${plural(meetings, 'meeting')} · ${durationLabel(s.focus_minutes)} focus · ${durationLabel(s.free_minutes)} free · ${s.load_percent}% booked`
      : 'A day off: nothing is planned.',
    notes: plan.notes,
    atRisk: plan.at_risk.map((r) => ({ title: r.title, detail: r.reason })),
    top: top ? { ...taskLine(top), when: top.start ? hhmm(top.start) : null } : null,
    next: next.map(taskLine),
    timeline: plan.blocks.map((b) => ({
      time: `${hhmm(b.start)}–${hhmm(b.end)}`,
      kind: b.kind,
      title: b.kind === 'task' && b.part !== '1/1' ? `${b.title} (part ${b.part})` : b.title,
      detail: b.why,
    })),
    allDay: plan.all_day.map((e) => e.title),
    unfit: unfitAll.slice(0, UNFIT_SHOWN).map((u) => ({ title: u.title, detail: u.reason })),
    unfitFooter: unfitFooter(plan, Math.max(0, unfitAll.length - UNFIT_SHOWN)),
    link: url ? { url, label: options.appLabel } : null,
    footer: `Planned ${plan.generated_at.slice(0, 10)} at ${hhmm(plan.generated_at)}; times are in ${plan.time_zone}.`,
  };
}
