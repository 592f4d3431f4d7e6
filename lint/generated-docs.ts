// Parts of docs/ that must say exactly what the code does are written by the code: each is a
// block between `<!-- begin generated: NAME -->` and `<!-- end generated: NAME -->`, and
// lint/generated-docs.test.ts fails when a page's block differs from what the code makes now
// (MINDFLOW_UPDATE_DOCS=1 rewrites them). Everything around a block is prose, by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_PLAN_SETTINGS,
  DEFAULT_SCORING,
  intlTimeZone,
  isEligible,
  maxScore,
  OPERATION_NAMES,
  planDay,
  OPERATIONS,
  openApiPath,
  pathFields,
  priorityLabel,
  PRIORITIES_BY_IMPORTANCE,
  rankTasks,
  scoreLabel,
  ZonedCalendar,
  type DeadlineCase,
  type OperationDef,
  type PlanSettings,
  type ScoredTask,
} from '../shared/src/index.ts';
import { eventsFromIcs } from '../server/src/calendar/ics-events.ts';
import { readTasksCsv } from '../server/src/csv/task-csv.ts';

export interface GeneratedBlock {
  /** The page, repository-relative. */
  page: string;
  name: string;
  /** The block's lines between its markers. */
  render(root: string): string;
}

const code = (text: string) => `\`${text}\``;

/** One row per catalogue operation: its route, what it answers, and what kind of call it is. */
function operationsTable(): string {
  const rows = OPERATION_NAMES.map((name) => {
    const op = OPERATIONS[name] as OperationDef;
    const http = op.http;
    const rest = http.fields === 'query' ? 'query' : 'JSON body';
    const inPath = pathFields(http.path);
    const input =
      inPath.length > 0 ? `${inPath.join(', ')} in the path, the rest in the ${rest}` : rest;
    const answers = [`${code(String(http.status))}`];
    if (http.location) answers[0] += ` + ${code('Location')}`;
    if (http.etag) answers[0] += ` + ${code('ETag')}`;
    if (http.notCreated)
      answers.push(`${code('200')} when nothing was created (${http.notCreated})`);
    if (http.etag && http.method === 'GET')
      answers.push(`${code('304')} to a current ${code('If-None-Match')}`);
    if (http.ifMatch) answers.push(`${code('412')} to a stale ${code('If-Match')}`);
    const kind = op.mutates
      ? ['write', op.idempotent ? 'idempotent' : '', op.destructive ? 'destructive' : '']
          .filter(Boolean)
          .join(', ')
      : 'read';
    return `| ${code(name)} | ${code(`${http.method} ${openApiPath(http.path)}`)} | ${input} | ${answers.join('; ')} | ${kind} | ${op.summary} |`;
  });
  return [
    '| operation | route | input | success | kind | summary |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

const C = DEFAULT_SCORING;
const W = C.weights;

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** The formula with the weights of DEFAULT_SCORING. */
function scoringFormula(): string {
  return [
    '```',
    `score = round2( (deadline_urgency × ${W.deadline} + priority × ${W.priority} + effort_bonus × ${W.effort}) × time_of_day × context )`,
    '```',
  ].join('\n');
}

const DEADLINE_WHEN: Record<DeadlineCase, string> = {
  overdue: 'a date-only due before today; a timed due whose moment has passed',
  today: 'due later today',
  tomorrow: `${code('days')} = 1`,
  this_week: `${code('days')} 2 to 6`,
  later: `${code('days')} ≥ 7`,
  none: 'no due',
};

function scoringDeadline(): string {
  const cases = Object.keys(DEADLINE_WHEN) as DeadlineCase[];
  return table(
    [`case (${code('reasoning.deadline')})`, 'when', 'urgency', `points (× ${W.deadline})`],
    cases.map((c) => [
      code(c),
      DEADLINE_WHEN[c],
      String(C.urgency[c]),
      points(C.urgency[c] * W.deadline),
    ]),
  );
}

function scoringPriority(): string {
  return table(
    ['priority', 'stored', `points (× ${W.priority})`],
    PRIORITIES_BY_IMPORTANCE.map((p) => [priorityLabel(p), String(p), points(p * W.priority)]),
  );
}

function scoringEffort(): string {
  const rows = C.effort.map((e) => [
    `≤ ${e.max_minutes}`,
    String(e.bonus),
    points(e.bonus * W.effort),
  ]);
  rows.push(['more', String(C.effort_longer), points(C.effort_longer * W.effort)]);
  rows.push(['no estimate', String(C.effort_none), points(C.effort_none * W.effort)]);
  return table([code('effort_minutes'), 'bonus', `points (× ${W.effort})`], rows);
}

function scoringTimeOfDay(): string {
  const t = C.time_of_day;
  const hour = (h: number) => String(h).padStart(2, '0');
  const windows = Object.entries(t.windows)
    .map(([name, [from, to]]) => `${code(name)} [${hour(from)}, ${hour(to)})`)
    .join(', ');
  return [
    `Windows of local hours: ${windows}.`,
    '',
    table(
      ['case', 'multiplier'],
      [
        ['no preference', String(t.none)],
        ['the local hour now is inside the preferred window', String(t.match)],
        ['outside it (including hours no window covers)', String(t.mismatch)],
      ],
    ),
  ].join('\n');
}

function scoringContext(): string {
  const x = C.context;
  return table(
    ['case', 'multiplier'],
    [
      ["the task's estimate fits in the free minutes", String(x.fits)],
      ['it does not fit', String(x.does_not_fit)],
      ['no estimate, or no context given', String(x.unknown)],
    ],
  );
}

function scoringScale(): string {
  const u = Math.max(...Object.values(C.urgency));
  const e = Math.max(C.effort_longer, C.effort_none, ...C.effort.map((s) => s.bonus));
  const t = C.time_of_day;
  const x = C.context;
  const sum = `(${points(u * W.deadline)} + ${points(5 * W.priority)} + ${points(e * W.effort)})`;
  const tod = Math.max(t.match, t.mismatch, t.none);
  const ctx = Math.max(x.fits, x.does_not_fit, x.unknown);
  return `The highest score the formula can give is ${sum} × ${tod} × ${ctx} = ${points(maxScore())}, shown as ${code(scoreLabel(maxScore()))}.`;
}

const PLAN_SETTING_MEANING: Record<keyof PlanSettings, string> = {
  working_hours: `${code('HH:MM')}, ${code('24:00')} for midnight; start before end (no ranges across midnight)`,
  working_days: 'ISO weekdays, 1 = Monday … 7 = Sunday',
  lunch: 'a range kept free like a meeting, with no buffer after it',
  buffer_minutes: 'kept free after every meeting',
  default_effort_minutes: 'what a task without an estimate is planned as',
  min_block_minutes: 'free gaps shorter than this are not offered to tasks',
  min_chunk_minutes: "a split task's parts are never shorter than this",
};

/** The planning settings with their defaults, from the schema that parses them. */
function planSettings(): string {
  const keys = Object.keys(PLAN_SETTING_MEANING) as (keyof PlanSettings)[];
  return table(
    ['setting', 'default', 'meaning'],
    keys.map((k) => [
      code(k),
      code(JSON.stringify(DEFAULT_PLAN_SETTINGS[k])),
      PLAN_SETTING_MEANING[k],
    ]),
  );
}

/** The moment and zone the scoring example is ranked at: a Wednesday morning in New York. */
export const EXAMPLE_NOW = '2026-11-25T09:00:00-05:00';
export const EXAMPLE_ZONE = 'America/New_York';

const points = (n: number) => String(Math.round(n * 100) / 100);

/** The template's tasks, and their ranking at the example's moment. */
function rankedExample(root: string) {
  const calendar = new ZonedCalendar(intlTimeZone, EXAMPLE_ZONE);
  const now = Date.parse(EXAMPLE_NOW);
  const text = readFileSync(join(root, 'sheets-template/Tasks.csv'), 'utf8');
  const { tasks } = readTasksCsv(text, { calendar, now });
  return { tasks, now, ranked: rankTasks(tasks, { now, calendar }) };
}

/** The reasons one task's score comes with, as the API sends them. */
function scoringReasoning(root: string): string {
  const { ranked } = rankedExample(root);
  const blog = ranked.find((s) => s.task.title === 'Write blog post');
  if (!blog) throw new Error('sheets-template/Tasks.csv has no "Write blog post" to show');
  return ['```json', JSON.stringify(blog.reasoning, null, 2), '```'].join('\n');
}

/** The template's tasks ranked as `mindflow rank` ranks them, every factor shown. */
function scoringExample(root: string): string {
  const { tasks, now, ranked } = rankedExample(root);
  const w = DEFAULT_SCORING.weights;
  const row = ({ task, score, reasoning: r }: ScoredTask, i: number) => {
    const sum = `(${points(r.deadline_urgency_score)} + ${points(r.priority_score)} + ${points(r.effort_bonus_score)})`;
    // The context multiplier is shown only when a host passes calendar context (none does yet).
    const ctx = r.context_multiplier === 1 ? '' : ` × ${r.context_multiplier}`;
    const multipliers = ` × ${r.time_of_day_multiplier}${ctx}`;
    return [
      String(i + 1),
      task.title,
      task.due ?? '—',
      `${priorityLabel(task.priority)} (${task.priority})`,
      task.effort_minutes === null ? '—' : `${task.effort_minutes} min`,
      task.preferred_time ?? '—',
      `${r.deadline} ${r.deadline_urgency} × ${w.deadline}`,
      `${sum}${multipliers} = **${points(score)}**`,
      code(scoreLabel(score)),
      r.recommendation,
    ];
  };
  const left = tasks
    .filter((t) => !isEligible(t, now))
    .map((t) => `${t.title} (${t.status}${t.snoozed_until ? ` until ${t.snoozed_until}` : ''})`);
  return [
    '| # | task | due | priority | effort | prefers | deadline | score | shown | recommendation |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...ranked.map((s, i) => `| ${row(s, i).join(' | ')} |`),
    '',
    `Not ranked: ${left.join('; ')}.`,
  ].join('\n');
}

/** The planning example's calendar: docs/example-day.ics, which `mindflow plan --ics` reads too. */
export const PLAN_EXAMPLE_ICS = 'docs/example-day.ics';

function planExample(root: string): string {
  const calendar = new ZonedCalendar(intlTimeZone, EXAMPLE_ZONE);
  const now = Date.parse('2026-11-25T07:30:00-05:00');
  const text = readFileSync(join(root, 'sheets-template/Tasks.csv'), 'utf8');
  const { tasks } = readTasksCsv(text, { calendar, now });
  const day = { start: calendar.startOfDay('2026-11-25'), end: calendar.endOfDay('2026-11-25') };
  const ics = readFileSync(join(root, PLAN_EXAMPLE_ICS), 'utf8');
  const events = eventsFromIcs(ics, day.start, day.end, EXAMPLE_ZONE, {
    selfEmail: 'me@example.com',
  });
  const plan = planDay({ date: '2026-11-25', now, calendar, tasks, events });
  const clock = (iso: string) => iso.slice(11, 16);
  const blocks = plan.blocks.map((b) => [
    `${clock(b.start)}–${clock(b.end)}`,
    b.kind,
    b.kind === 'task' && b.part !== '1/1' ? `${b.title} (${b.part})` : b.title,
    b.why,
  ]);
  const list = (items: { title: string; reason: string }[]) =>
    items.length === 0 ? ['- none'] : items.map((i) => `- ${i.title}: ${i.reason}`);
  const s = plan.summary;
  return [
    table(['time', 'kind', 'title', 'why'], blocks),
    '',
    `All day: ${plan.all_day.map((a) => a.title).join(', ') || 'nothing'}. Notes: ${plan.notes.join(' ') || 'none'}.`,
    '',
    '**Did not fit** (`unscheduled`):',
    '',
    ...list(plan.unscheduled),
    '',
    '**At risk** (`at_risk`):',
    '',
    ...list(plan.at_risk),
    '',
    `Summary: ${s.meeting_minutes} min of meetings, ${s.focus_minutes} min of tasks, ${s.free_minutes} min free, ${s.load_percent}% of the working time taken.`,
  ].join('\n');
}

export const GENERATED_BLOCKS: readonly GeneratedBlock[] = [
  { page: 'docs/api.md', name: 'operations', render: operationsTable },
  { page: 'docs/scoring.md', name: 'scoring-formula', render: scoringFormula },
  { page: 'docs/scoring.md', name: 'scoring-deadline', render: scoringDeadline },
  { page: 'docs/scoring.md', name: 'scoring-priority', render: scoringPriority },
  { page: 'docs/scoring.md', name: 'scoring-effort', render: scoringEffort },
  { page: 'docs/scoring.md', name: 'scoring-time-of-day', render: scoringTimeOfDay },
  { page: 'docs/scoring.md', name: 'scoring-context', render: scoringContext },
  { page: 'docs/scoring.md', name: 'scoring-scale', render: scoringScale },
  { page: 'docs/scoring.md', name: 'scoring-example', render: scoringExample },
  { page: 'docs/planning.md', name: 'plan-settings', render: planSettings },
  { page: 'docs/planning.md', name: 'plan-example', render: planExample },
  { page: 'docs/scoring.md', name: 'scoring-reasoning', render: scoringReasoning },
];

const begin = (name: string) => `<!-- begin generated: ${name} -->`;
const end = (name: string) => `<!-- end generated: ${name} -->`;

/** The block's current text in `page`, or null when its markers are missing. */
export function blockIn(page: string, name: string): string | null {
  const start = page.indexOf(begin(name));
  const stop = page.indexOf(end(name));
  if (start < 0 || stop < start) return null;
  return page.slice(start + begin(name).length, stop).replace(/^\n|\n$/g, '');
}

/** `page` with the block's text replaced. */
export function withBlock(page: string, name: string, body: string): string {
  const start = page.indexOf(begin(name));
  const stop = page.indexOf(end(name));
  if (start < 0 || stop < start) throw new Error(`no ${begin(name)} … ${end(name)} markers`);
  return `${page.slice(0, start)}${begin(name)}\n${body}\n${page.slice(stop)}`;
}
