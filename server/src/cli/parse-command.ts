import type { Command } from 'commander';
import { describeRepeat, parseQuickAdd } from '@mindflow/shared';
import { printJson, resolveTime, type TimeOptions } from './cli-context.ts';

interface ParseOptions extends TimeOptions {
  json?: boolean;
}

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('Show what quick add understands in one line of text')
    .argument('<text>', 'e.g. "Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday"')
    .option('--now <iso>', 'parse relative to this instant (ISO 8601 with offset); default: now')
    .option('--tz <zone>', 'your IANA time zone; default: this machine’s')
    .option('--json', 'print the parsed task fields as JSON')
    .action((text: string, options: ParseOptions) => {
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
          ['priority', fields.priority === null ? '— (3)' : String(fields.priority)],
          ['effort', fields.effort_minutes === null ? '—' : `${fields.effort_minutes} min`],
          ['tags', fields.tags.length ? fields.tags.map((t) => `#${t}`).join(' ') : '—'],
          ['time of day', fields.preferred_time ?? '—'],
          ['repeat', fields.repeat ? `${describeRepeat(fields.repeat)} (${fields.repeat})` : '—'],
        ];
        for (const [k, v] of lines) process.stdout.write(`${k.padEnd(12)}${v}\n`);
      }
      if (fields.title === '') process.exitCode = 1;
    });
}
