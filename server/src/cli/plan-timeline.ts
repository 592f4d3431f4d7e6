import { dayLabel, durationLabel, type DayPlan, type PlanBlock } from '@mindflow/shared';
import { paint, type Style, type Terminal } from './terminal.ts';
import { fitText, padText, textWidth, wrapText } from './text-width.ts';

// Times in a plan carry the user's offset, so the wall clock is the text after the 'T'.
const clock = (iso: string) => iso.slice(11, 16);

const MARK: Record<PlanBlock['kind'], string> = { event: '■', task: '▶', buffer: '·' };
const MARK_STYLE: Record<PlanBlock['kind'], Style> = {
  event: 'blue',
  task: 'green',
  buffer: 'dim',
};
const TITLE_MAX = 34;
const WHY_MIN = 24;

const blockTitle = (b: PlanBlock) =>
  b.kind === 'task' && b.part !== '1/1' ? `${b.title} (${b.part})` : b.title;

/** The timeline's rows: the why beside the title while it fits, under it when not. */
function blockLines(blocks: readonly PlanBlock[], t: Terminal): string[] {
  const prefixWidth = 17; // "  09:00–09:30  ▶ "
  const longest = Math.max(...blocks.map((b) => textWidth(blockTitle(b))));
  const titleWidth = Math.min(TITLE_MAX, longest);
  const room = t.width === null ? null : t.width - prefixWidth;
  const beside = room === null || room - titleWidth - 1 >= WHY_MIN;
  return blocks.flatMap((b) => {
    const prefix = `  ${clock(b.start)}–${clock(b.end)}  ${paint(t, MARK_STYLE[b.kind], MARK[b.kind])} `;
    const quiet = b.kind === 'buffer';
    const title = (text: string) => paint(t, quiet ? 'dim' : null, text);
    if (beside) {
      const name = padText(blockTitle(b), titleWidth);
      const why = room === null ? b.why : fitText(b.why, room - titleWidth - 1);
      return [`${prefix}${title(name)} ${paint(t, 'dim', why)}`.trimEnd()];
    }
    const lines = [`${prefix}${title(fitText(blockTitle(b), room!))}`];
    if (!quiet) lines.push(`${' '.repeat(prefixWidth)}${paint(t, 'dim', fitText(b.why, room!))}`);
    return lines;
  });
}

/** Prose wrapped to the terminal, each line indented. */
function wrapped(t: Terminal, text: string, indent = 0): string[] {
  const lines = t.width === null ? [text] : wrapText(text, Math.max(10, t.width - indent));
  return lines.map((l) => ' '.repeat(indent) + l);
}

/** A list line ("  ! title — reason"), wrapped under its text on a narrow terminal. */
function listLine(t: Terminal, mark: string, style: Style, text: string): string[] {
  const [first = '', ...rest] =
    t.width === null ? [text] : wrapText(text, Math.max(10, t.width - 4));
  return [`  ${paint(t, style, mark)} ${first}`, ...rest.map((l) => `    ${l}`)];
}

/** The readable timeline `mindflow plan` prints without --json. */
export function formatPlanTimeline(
  plan: DayPlan,
  options: { withTasks: boolean; terminal: Terminal },
): string {
  const t = options.terminal;
  const out: string[] = [];
  const hours = `${plan.working_hours.start}–${plan.working_hours.end}`;
  const title = `${dayLabel(plan.date)} · ${plan.time_zone} · working hours ${hours}`;
  out.push(...wrapped(t, title).map((l) => paint(t, 'bold', l)));
  for (const note of plan.notes) out.push(...wrapped(t, note, 2));
  if (!options.withTasks) out.push(...wrapped(t, '(no --csv given: planning meetings only)', 2));
  for (const a of plan.all_day) out.push(...wrapped(t, `all day: ${a.title}`, 2));
  out.push('');
  if (plan.blocks.length === 0) out.push('  nothing planned');
  else out.push(...blockLines(plan.blocks, t));
  if (plan.at_risk.length > 0) {
    out.push('', paint(t, 'bold', 'At risk:'));
    for (const r of plan.at_risk) out.push(...listLine(t, '!', 'red', `${r.title} — ${r.reason}`));
  }
  if (plan.unscheduled.length > 0) {
    out.push('', paint(t, 'bold', 'Did not fit:'));
    for (const u of plan.unscheduled)
      out.push(...listLine(t, '-', 'yellow', `${u.title} — ${u.reason}`));
  }
  const s = plan.summary;
  const summary =
    `${durationLabel(s.meeting_minutes)} meetings · ${durationLabel(s.focus_minutes)} focus · ` +
    `${durationLabel(s.free_minutes)} free · load ${s.load_percent}%`;
  out.push('', ...wrapped(t, summary), '');
  return out.join('\n');
}
