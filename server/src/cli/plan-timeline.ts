import { dayLabel, durationLabel, type DayPlan, type PlanBlock } from '@mindflow/shared';

// Times in a plan carry the user's offset, so the wall clock is the text after the 'T'.
const clock = (iso: string) => iso.slice(11, 16);

const MARK: Record<PlanBlock['kind'], string> = { event: '■', task: '▶', buffer: '·' };

function blockLine(b: PlanBlock): string {
  const title = b.kind === 'task' && b.part !== '1/1' ? `${b.title} (${b.part})` : b.title;
  return `  ${clock(b.start)}–${clock(b.end)}  ${MARK[b.kind]} ${title.padEnd(34)} ${b.why}`;
}

/** The readable timeline `mindflow plan` prints without --json. */
export function formatPlanTimeline(plan: DayPlan, options: { withTasks: boolean }): string {
  const out: string[] = [];
  const hours = `${plan.working_hours.start}–${plan.working_hours.end}`;
  out.push(`${dayLabel(plan.date)} · ${plan.time_zone} · working hours ${hours}`);
  for (const note of plan.notes) out.push(`  ${note}`);
  if (!options.withTasks) out.push('  (no --csv given: planning meetings only)');
  for (const a of plan.all_day) out.push(`  all day: ${a.title}`);
  out.push('');
  if (plan.blocks.length === 0) out.push('  nothing planned');
  for (const b of plan.blocks) out.push(blockLine(b));
  if (plan.at_risk.length > 0) {
    out.push('', 'At risk:');
    for (const r of plan.at_risk) out.push(`  ! ${r.title} — ${r.reason}`);
  }
  if (plan.unscheduled.length > 0) {
    out.push('', 'Did not fit:');
    for (const u of plan.unscheduled) out.push(`  - ${u.title} — ${u.reason}`);
  }
  const s = plan.summary;
  out.push(
    '',
    `${durationLabel(s.meeting_minutes)} meetings · ${durationLabel(s.focus_minutes)} focus · ` +
      `${durationLabel(s.free_minutes)} free · load ${s.load_percent}%`,
    '',
  );
  return out.join('\n');
}
