import { escapeHtml as e } from './html-escape.ts';
import type { EmailLine, PlanEmailModel, TaskLine, TimelineRow } from './plan-email-model.ts';

// One column, tables and inline styles only: what Gmail (which drops most <style> rules in
// some clients) shows the same on a phone and a desktop. Every value is escaped here.

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const MUTED = 'color:#57606a;font-size:13px;line-height:18px;';
const KIND_STYLE: Record<TimelineRow['kind'], string> = {
  event: 'border-left:4px solid #8c959f;',
  task: 'border-left:4px solid #1a7f37;',
  buffer: 'border-left:4px solid #eaeef2;',
};

function section(title: string, body: string, tone = '#1f2328'): string {
  return `<tr><td style="padding:12px 20px 4px;"><h2 style="margin:0 0 8px;font-size:15px;line-height:20px;color:${tone};${FONT}">${e(title)}</h2>${body}</td></tr>`;
}

function lines(items: readonly EmailLine[]): string {
  return items
    .map(
      (i) =>
        `<p style="margin:0 0 8px;font-size:14px;line-height:20px;${FONT}"><strong>${e(i.title)}</strong><br><span style="${MUTED}">${e(i.detail)}</span></p>`,
    )
    .join('');
}

/**
 * The score as a bar beside its words. Inline blocks: clients that drop them (Outlook's Word
 * engine) still show "score 107 / 133"; the bar is hidden from screen readers for the same
 * reason.
 */
function scoreBar(fraction: number): string {
  const percent = Math.round(fraction * 100);
  return `<span aria-hidden="true" style="display:inline-block;width:64px;height:6px;margin-left:6px;background:#d0d7de;border-radius:3px;vertical-align:middle;"><span style="display:block;width:${percent}%;height:6px;background:#1a7f37;border-radius:3px;"></span></span>`;
}

/** A ranked task: title, its priority and score (with the bar), then why. */
function taskLine(t: TaskLine, titleSize = 14, suffix = ''): string {
  return `<p style="margin:0 0 8px;font-size:${titleSize}px;line-height:${titleSize + 6}px;${FONT}"><strong>${e(t.title)}</strong>${suffix}<br><span style="${MUTED}">${e(t.rank)}</span>${scoreBar(t.fraction)}<br><span style="${MUTED}">${e(t.detail)}</span></p>`;
}

function timelineRow(r: TimelineRow): string {
  const quiet = r.kind === 'buffer';
  const title = quiet
    ? `<span style="${MUTED}">${e(r.title)}</span>`
    : `<strong>${e(r.title)}</strong>`;
  const detail = quiet ? '' : `<br><span style="${MUTED}">${e(r.detail)}</span>`;
  return `<tr><td style="padding:6px 8px 6px 0;vertical-align:top;white-space:nowrap;font-size:13px;line-height:20px;color:#57606a;${FONT}">${e(r.time)}</td><td style="padding:6px 0 6px 10px;vertical-align:top;font-size:14px;line-height:20px;${KIND_STYLE[r.kind]}${FONT}">${title}${detail}</td></tr>`;
}

function table(rows: string): string {
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse;">${rows}</table>`;
}

export function renderPlanEmailHtml(m: PlanEmailModel): string {
  const parts: string[] = [];
  const notes = m.notes.map((n) => `<br><span style="${MUTED}">${e(n)}</span>`).join('');
  parts.push(
    `<tr><td style="padding:20px 20px 8px;${FONT}"><p style="margin:0;font-size:20px;line-height:26px;font-weight:bold;">${e(m.subject)}</p><p style="margin:8px 0 0;font-size:14px;line-height:20px;">${e(m.greeting)} ${e(m.headline)}${notes}</p></td></tr>`,
  );
  if (m.atRisk.length > 0) parts.push(section('Needs attention', lines(m.atRisk), '#cf222e'));
  if (m.top) {
    const when = ` <span style="${MUTED}">${m.top.when ? `at ${e(m.top.when)}` : 'not planned'}</span>`;
    const next =
      m.next.length > 0
        ? `<p style="margin:8px 0 4px;${MUTED}">Then:</p>${m.next.map((t) => taskLine(t)).join('')}`
        : '';
    parts.push(section('Top task', `${taskLine(m.top, 16, when)}${next}`));
  }
  if (m.timeline.length > 0)
    parts.push(section('Your day', table(m.timeline.map(timelineRow).join(''))));
  if (m.allDay.length > 0) {
    parts.push(
      section('All day', `<p style="margin:0;${MUTED}">${m.allDay.map(e).join(' · ')}</p>`),
    );
  }
  if (m.unfit.length > 0 || m.unfitFooter) {
    const footer = m.unfitFooter ? `<p style="margin:0;${MUTED}">${e(m.unfitFooter)}</p>` : '';
    parts.push(section('Did not fit', lines(m.unfit) + footer));
  }
  if (m.link) {
    parts.push(
      `<tr><td style="padding:16px 20px;"><a href="${e(m.link.url)}" style="display:inline-block;padding:10px 16px;background:#0969da;color:#ffffff;text-decoration:none;border-radius:6px;font-size:14px;font-weight:bold;${FONT}">${e(m.link.label)}</a></td></tr>`,
    );
  }
  parts.push(`<tr><td style="padding:8px 20px 20px;${MUTED}${FONT}">${e(m.footer)}</td></tr>`);
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${e(m.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f6f8fa;">',
    // The preheader: the line Gmail shows after the subject in the inbox list.
    `<div style="display:none;max-height:0;overflow:hidden;">${e(m.headline)}</div>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f6f8fa;"><tr><td align="center" style="padding:16px 8px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;color:#1f2328;${FONT}">`,
    ...parts,
    '</table></td></tr></table></body></html>',
  ].join('\n');
}
