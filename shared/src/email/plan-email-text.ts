import type { EmailLine, PlanEmailModel, TaskLine } from './plan-email-model.ts';

// The plain-text part: the same content as the HTML, for clients and people that prefer it.

function lines(items: readonly EmailLine[]): string[] {
  return items.flatMap((i) => [`- ${i.title}`, `  ${i.detail}`]);
}

function taskLines(items: readonly TaskLine[]): string[] {
  return items.flatMap((i) => [`- ${i.title}`, `  ${i.rank}`, `  ${i.detail}`]);
}

export function renderPlanEmailText(m: PlanEmailModel): string {
  const out: string[] = [m.subject, '', `${m.greeting} ${m.headline}`, ...m.notes];
  const section = (title: string, body: string[]) => out.push('', title.toUpperCase(), ...body);
  if (m.atRisk.length > 0) section('Needs attention', lines(m.atRisk));
  if (m.top) {
    const when = m.top.when ? ` (at ${m.top.when})` : ' (not planned)';
    const next = m.next.length > 0 ? ['Then:', ...taskLines(m.next)] : [];
    section('Top task', [`${m.top.title}${when}`, m.top.rank, m.top.detail, ...next]);
  }
  if (m.timeline.length > 0) {
    section(
      'Your day',
      m.timeline.flatMap((r) =>
        r.kind === 'buffer'
          ? [`${r.time}  (${r.title.toLowerCase()})`]
          : [`${r.time}  ${r.title}`, `${' '.repeat(r.time.length + 2)}${r.detail}`],
      ),
    );
  }
  if (m.allDay.length > 0)
    section(
      'All day',
      m.allDay.map((t) => `- ${t}`),
    );
  if (m.unfit.length > 0 || m.unfitFooter) {
    section('Did not fit', [...lines(m.unfit), ...(m.unfitFooter ? [m.unfitFooter] : [])]);
  }
  if (m.link) out.push('', `${m.link.label}: ${m.link.url}`);
  out.push('', m.footer, '');
  return out.join('\n');
}
