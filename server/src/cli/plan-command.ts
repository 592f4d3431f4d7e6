import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  MemoryTaskStore,
  TaskService,
  intlTimeZone,
  isCivilDate,
  type CalendarEvent,
  type DayPlan,
  type Task,
} from '@mindflow/shared';
import { eventsFromIcs } from '../calendar/ics-events.ts';
import { printJson, resolveTime, UsageError, type TimeOptions } from './cli-context.ts';
import { readTasksCsv } from '../csv/task-csv.ts';
import { formatPlanTimeline } from './plan-timeline.ts';

interface PlanOptions extends TimeOptions {
  date?: string;
  csv?: string;
  ics: string[];
  me?: string;
  json?: boolean;
}

async function readText(file: string, flag: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

export function registerPlan(program: Command): void {
  program
    .command('plan')
    .description(
      'Plan a day around your calendar: meetings, the best tasks in the free time, what does not fit',
    )
    .option('--date <YYYY-MM-DD>', 'the day to plan; default: today in --tz')
    .option('--csv <file>', 'tasks: a CSV export of the Tasks sheet')
    .option(
      '--ics <file>',
      'calendar: an iCalendar file (repeat for several)',
      (v: string, all: string[]) => [...all, v],
      [],
    )
    .option(
      '--me <email>',
      'your address in the calendar, so declined invitations do not block time',
    )
    .option('--now <iso>', 'plan as of this instant (ISO 8601 with offset); default: now')
    .option('--tz <zone>', 'your IANA time zone; default: this machine’s')
    .option('--json', 'print the plan as JSON')
    .action(async (options: PlanOptions) => {
      const { now, calendar } = resolveTime(options);
      if (options.date !== undefined && !isCivilDate(options.date)) {
        throw new UsageError(`--date: '${options.date}' is not a date YYYY-MM-DD`);
      }
      let tasks: Task[] = [];
      if (options.csv !== undefined) {
        const read = readTasksCsv(await readText(options.csv, '--csv'), { calendar, now });
        for (const p of read.problems)
          process.stderr.write(`${options.csv}:${p.line}: ${p.messages.join('; ')}\n`);
        tasks = read.tasks;
      }
      const feeds = await Promise.all(options.ics.map((f) => readText(f, '--ics')));
      const icsOptions = options.me ? { selfEmail: options.me } : {};
      feeds.forEach((text, i) => {
        try {
          eventsFromIcs(text, 0, 0, calendar.zone, icsOptions);
        } catch (error) {
          throw new UsageError(
            `--ics: ${options.ics[i]} is not valid iCalendar (${(error as Error).message})`,
          );
        }
      });
      const service = new TaskService({
        store: new MemoryTaskStore(tasks),
        clock: () => now,
        newId: () => crypto.randomUUID(),
        timeZone: intlTimeZone,
        zone: calendar.zone,
        planning: {
          calendar: {
            listEvents: (start, end, zone): CalendarEvent[] =>
              feeds.flatMap((text) => eventsFromIcs(text, start, end, zone, icsOptions)),
          },
        },
      });
      const result = await service.execute(
        'getDailyPlan',
        options.date ? { date: options.date } : {},
      );
      if (!result.ok) throw new Error(result.error.message);
      const plan = result.data as DayPlan;
      if (options.json) printJson(process.stdout, plan);
      else process.stdout.write(formatPlanTimeline(plan, { withTasks: options.csv !== undefined }));
    });
}
