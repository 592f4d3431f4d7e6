import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { rankTasks } from '@mindflow/shared';
import { printJson, resolveTime, UsageError, type TimeOptions } from './cli-context.ts';
import { readTasksCsv } from '../csv/task-csv.ts';
import { textTable } from './text-table.ts';

interface RankOptions extends TimeOptions {
  csv: string;
  json?: boolean;
}

export function registerRank(program: Command): void {
  program
    .command('rank')
    .description('Rank the tasks of a CSV export of the Tasks sheet, best first, with the reasons')
    .requiredOption('--csv <file>', 'CSV export of the Tasks sheet (header row = task fields)')
    .option('--now <iso>', 'evaluate at this instant (ISO 8601 with offset); default: now')
    .option('--tz <zone>', 'your IANA time zone; default: this machine’s')
    .option('--json', 'print a JSON array instead of a table')
    .action(async (options: RankOptions) => {
      const { now, calendar } = resolveTime(options);
      let text: string;
      try {
        text = await readFile(options.csv, 'utf8');
      } catch (error) {
        throw new UsageError(
          `--csv: cannot read ${options.csv} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        );
      }
      const { tasks, problems } = readTasksCsv(text, { calendar, now });
      for (const p of problems)
        process.stderr.write(`${options.csv}:${p.line}: ${p.messages.join('; ')}\n`);
      const ranked = rankTasks(tasks, { now, calendar });
      if (options.json) {
        printJson(
          process.stdout,
          ranked.map((r, i) => ({
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
      const when = calendar.formatInstant(now);
      process.stdout.write(
        `${ranked.length} active of ${tasks.length} tasks, ranked at ${when} (${calendar.zone})\n\n`,
      );
      const rows = ranked.map((r, i) => [
        String(i + 1),
        r.score.toFixed(2),
        r.task.title,
        r.task.due ?? '—',
        r.reasoning.recommendation,
      ]);
      process.stdout.write(
        `${textTable(['#', 'score', 'task', 'due', 'why'], rows, [4, 7, 40, 25])}\n`,
      );
    });
}
