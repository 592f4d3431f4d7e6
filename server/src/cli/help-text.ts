import type { CommandEntry } from './commands.ts';
import type { CommandSpec } from './command-spec.ts';
import { textWidth, wrapText } from './text-width.ts';

const INTRO = 'MindFlow: your tasks, ranked by what to do next — with the reasons why';

/** Lines wrapped to the terminal (never cut): the first indented by `indent`, the rest by `hang`. */
function wrapped(text: string, indent: number, width: number | null, hang = indent): string[] {
  if (width === null) return [' '.repeat(indent) + text];
  const [first = '', ...rest] = wrapText(text, Math.max(20, width - indent));
  const more = rest.join(' ');
  const tail = more === '' ? [] : wrapText(more, Math.max(20, width - hang));
  return [' '.repeat(indent) + first, ...tail.map((l) => ' '.repeat(hang) + l)];
}

/** Two columns while they fit; the description under its term when the terminal is narrow. */
function definitions(rows: readonly [string, string][], width: number | null): string[] {
  const pad = Math.max(...rows.map(([term]) => textWidth(term))) + 2;
  const fits = width === null || rows.every(([, d]) => 2 + pad + textWidth(d) <= width);
  if (fits) return rows.map(([term, d]) => `  ${term}${' '.repeat(pad - textWidth(term))}${d}`);
  return rows.flatMap(([term, d]) => [...wrapped(term, 2, width), ...wrapped(d, 6, width)]);
}

/** `mindflow --help`, from the command list alone: no command is loaded to print it. */
export function programHelp(commands: readonly CommandEntry[], width: number | null): string {
  return [
    'Usage: mindflow <command> [options]',
    '',
    ...wrapped(INTRO, 0, width),
    '',
    'Commands:',
    ...commands.flatMap((c) => [
      ...wrapped(c.synopsis, 2, width, 4),
      ...wrapped(c.summary, 6, width),
    ]),
    '',
    'Options:',
    ...definitions(
      [
        ['-V, --version', 'print the version'],
        ['-h, --help', 'print this help'],
      ],
      width,
    ),
    '',
    ...wrapped('Each command has --help for all its options, e.g. mindflow rank --help.', 0, width),
    '',
  ].join('\n');
}

/** `mindflow <command> --help`. */
export function commandHelp(entry: CommandEntry, spec: CommandSpec, width: number | null): string {
  const options: [string, string][] = Object.entries(spec.options).map(([name, o]) => [
    o.value ? `--${name} ${o.value}` : `--${name}`,
    `${o.help}${o.required ? ' (required)' : ''}${o.multiple ? ' (repeatable)' : ''}`,
  ]);
  options.push(['-h, --help', 'print this help']);
  const args = (spec.args ?? []).map((a): [string, string] => [a.name, a.help]);
  return [
    ...wrapped(`Usage: mindflow ${entry.synopsis}`, 0, width),
    '',
    ...wrapped(entry.summary, 0, width),
    ...(args.length > 0 ? ['', 'Arguments:', ...definitions(args, width)] : []),
    '',
    'Options:',
    ...definitions(options, width),
    ...(spec.notes?.length ? ['', ...spec.notes.flatMap((n) => wrapped(n, 0, width))] : []),
    '',
  ].join('\n');
}
