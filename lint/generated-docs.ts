// Parts of docs/ that must say exactly what the code does are written by the code: each is a
// block between `<!-- begin generated: NAME -->` and `<!-- end generated: NAME -->`, and
// lint/generated-docs.test.ts fails when a page's block differs from what the code makes now
// (MINDFLOW_UPDATE_DOCS=1 rewrites them). Everything around a block is prose, by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_SCORING,
  intlTimeZone,
  isEligible,
  OPERATION_NAMES,
  OPERATIONS,
  openApiPath,
  pathFields,
  priorityLabel,
  rankTasks,
  scoreLabel,
  ZonedCalendar,
  type OperationDef,
  type ScoredTask,
} from '../shared/src/index.ts';
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
    const multipliers = [r.time_of_day_multiplier, r.context_multiplier]
      .filter((m) => m !== 1)
      .map((m) => ` × ${m}`)
      .join('');
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

export const GENERATED_BLOCKS: readonly GeneratedBlock[] = [
  { page: 'docs/api.md', name: 'operations', render: operationsTable },
  { page: 'docs/scoring.md', name: 'scoring-example', render: scoringExample },
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
