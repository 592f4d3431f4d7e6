import { rankTasks, scoreOnScale, topTasks, type ScoredTask } from '@mindflow/shared';
import { printJson, resolveTime, timeOptions, UsageError } from './cli-context.ts';
import { defineCommand } from './command-spec.ts';
import { inputName, readInput } from './read-input.ts';
import { collectTasks, taskList, type TaskSink } from './read-tasks.ts';
import { printRanking } from './rank-table.ts';
import { terminalOf } from './terminal.ts';

function limitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--limit: '${value}' is not a whole number of 1 or more`);
  }
  return Number(value);
}

export const command = defineCommand({
  options: {
    csv: {
      value: 'FILE',
      required: true,
      help: 'a CSV export of the Tasks sheet (header row = task fields); - reads standard input',
    },
    limit: { value: 'N', help: 'show only the best N tasks' },
    ...timeOptions('rank'),
    json: { help: 'print a JSON array instead of a table' },
  },
  notes: [
    `Scores are out of ${scoreOnScale(0).max}: deadline up to 50, priority up to 50 (P1), effort up to 10, times the time-of-day and free-time multipliers.`,
  ],
  async run(options) {
    const limit = limitOf(options.limit);
    const { now, calendar } = resolveTime(options);
    const text = await readInput(options.csv, '--csv');
    const scoring = { now, calendar };
    // With --limit only the best N are kept while reading; without, every task is sorted.
    const ranking = (): TaskSink<{ ranked: ScoredTask[]; eligible: number }> => {
      if (limit !== undefined) {
        const top = topTasks(scoring, limit);
        return { add: top.add, done: top.result };
      }
      const list = taskList();
      return {
        add: list.add,
        done: () => {
          const ranked = rankTasks(list.done(), scoring);
          return { ranked, eligible: ranked.length };
        },
      };
    };
    const { result, total, problems } = await collectTasks(text, { calendar, now }, ranking);
    const source = inputName(options.csv);
    for (const p of problems)
      process.stderr.write(`${source}:${p.line}: ${p.messages.join('; ')}\n`);
    const { ranked: shown, eligible } = result;
    if (options.json) {
      printJson(
        process.stdout,
        shown.map((r, i) => ({
          rank: i + 1,
          id: r.task.id,
          title: r.task.title,
          score: r.score,
          due: r.task.due,
          priority: r.task.priority,
          reasoning: r.reasoning,
        })),
      );
      return;
    }
    printRanking(process.stdout, terminalOf(process.stdout), {
      shown,
      active: eligible,
      total,
      now,
      calendar,
    });
  },
});
