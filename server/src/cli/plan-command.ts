import {
  addDays,
  MemoryTaskStore,
  TaskService,
  intlTimeZone,
  isCivilDate,
  type CalendarEvent,
  type DayPlan,
  type Task,
} from '@mindflow/shared';
import { eventsFromIcs } from '../calendar/ics-events.ts';
import { printJson, resolveTime, timeOptions, UsageError } from './cli-context.ts';
import { defineCommand } from './command-spec.ts';
import { formatPlanTimeline } from './plan-timeline.ts';
import { inputName, readInput } from './read-input.ts';
import { collectTasks, taskList } from './read-tasks.ts';
import { terminalOf } from './terminal.ts';

/** --date: YYYY-MM-DD, or today / tomorrow in the user's zone. */
function planDate(value: string | undefined, today: string): string | undefined {
  if (value === undefined) return undefined;
  const word = value.toLowerCase();
  if (word === 'today') return today;
  if (word === 'tomorrow') return addDays(today, 1);
  if (isCivilDate(value)) return value;
  throw new UsageError(`--date: '${value}' is not a date YYYY-MM-DD, today or tomorrow`);
}

export const command = defineCommand({
  options: {
    date: { value: 'DAY', help: 'the day to plan: YYYY-MM-DD, today or tomorrow; default: today' },
    csv: { value: 'FILE', help: 'tasks: a CSV export of the Tasks sheet; - reads standard input' },
    ics: {
      value: 'FILE',
      multiple: true,
      help: 'calendar: an iCalendar file; - reads standard input',
    },
    me: {
      value: 'EMAIL',
      help: 'your address in the calendar, so declined invitations do not block time',
    },
    ...timeOptions('plan as of'),
    json: { help: 'print the plan as JSON' },
  },
  async run(options) {
    const { now, calendar } = resolveTime(options);
    const date = planDate(options.date, calendar.localDate(now));
    let tasks: Task[] = [];
    if (options.csv !== undefined) {
      const text = await readInput(options.csv, '--csv');
      const read = await collectTasks(text, { calendar, now }, taskList);
      for (const p of read.problems)
        process.stderr.write(`${inputName(options.csv)}:${p.line}: ${p.messages.join('; ')}\n`);
      tasks = read.result;
    }
    const feeds: string[] = [];
    for (const file of options.ics) feeds.push(await readInput(file, '--ics'));
    const icsOptions = options.me ? { selfEmail: options.me } : {};
    feeds.forEach((text, i) => {
      try {
        eventsFromIcs(text, 0, 0, calendar.zone, icsOptions);
      } catch (error) {
        throw new UsageError(
          `--ics: ${inputName(options.ics[i]!)} is not valid iCalendar (${(error as Error).message})`,
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
    const result = await service.execute('getDailyPlan', date ? { date } : {});
    if (!result.ok) throw new Error(result.error.message);
    const plan = result.data as DayPlan;
    if (options.json) printJson(process.stdout, plan);
    else {
      const terminal = terminalOf(process.stdout);
      process.stdout.write(
        formatPlanTimeline(plan, { withTasks: options.csv !== undefined, terminal }),
      );
    }
  },
});
