import { describeRepeat, parseQuickAdd, priorityLabel } from '@mindflow/shared';
import { printJson, resolveTime, timeOptions } from './cli-context.ts';
import { defineCommand } from './command-spec.ts';

export const command = defineCommand({
  args: [
    {
      name: 'TEXT',
      help: 'one line, e.g. "Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday"',
    },
  ],
  options: {
    ...timeOptions('parse'),
    json: { help: 'print the parsed task fields as JSON (priority as stored: 5 = P1)' },
  },
  run(options, [text = '']) {
    const { now, calendar } = resolveTime(options);
    const { fields, tokens } = parseQuickAdd(text, { now, calendar });
    if (options.json) {
      printJson(process.stdout, {
        ...fields,
        understood: tokens.filter((t) => t.kind !== 'title'),
      });
    } else {
      const lines: [string, string][] = [
        ['title', fields.title || '(none — add some words)'],
        ['due', fields.due ?? '—'],
        [
          'priority',
          fields.priority === null ? `— (${priorityLabel(3)})` : priorityLabel(fields.priority),
        ],
        ['effort', fields.effort_minutes === null ? '—' : `${fields.effort_minutes} min`],
        ['tags', fields.tags.length ? fields.tags.map((t) => `#${t}`).join(' ') : '—'],
        ['time of day', fields.preferred_time ?? '—'],
        ['repeat', fields.repeat ? `${describeRepeat(fields.repeat)} (${fields.repeat})` : '—'],
      ];
      for (const [k, v] of lines) process.stdout.write(`${k.padEnd(12)}${v}\n`);
    }
    if (fields.title === '') process.exitCode = 1;
  },
});
