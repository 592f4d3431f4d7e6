import { parseArgs } from 'node:util';
import type { CommandSpec, OptionSpec } from './command-spec.ts';
import { UsageError } from './usage-error.ts';

export type ReadArguments =
  | { kind: 'help' }
  | {
      kind: 'run';
      options: Record<string, string | string[] | boolean | undefined>;
      args: string[];
    };

const flag = (name: string, spec: OptionSpec) =>
  spec.value ? `--${name} ${spec.value}` : `--${name}`;

/** The closest known option to a mistyped one, if it is close: --limt → --limit. */
function suggestion(typed: string, known: readonly string[]): string {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length]!;
  };
  const best = known.map((k) => ({ k, d: distance(typed, k) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= 2 ? ` (did you mean --${best.k}?)` : '';
}

/** node:util's messages, reworded as one line that names the option and what it wants. */
function usageMessage(error: Error & { code?: string }, spec: CommandSpec): string {
  const option = /'(--?[^' ]+)/.exec(error.message)?.[1] ?? '';
  const name = option.replace(/^--?/, '');
  const known = spec.options[name];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option '${option}'${suggestion(name, Object.keys(spec.options))}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return known?.value
        ? `${option} needs a value: ${flag(name, known)} (a value starting with - goes as ${option}=VALUE)`
        : `${option} takes no value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${/'([^']*)'/.exec(error.message)?.[0] ?? ''}`.trim();
    default:
      return error.message.split('\n')[0]!;
  }
}

/** The command line of one command, checked against its spec; a UsageError names the problem. */
export function readArguments(spec: CommandSpec, argv: readonly string[]): ReadArguments {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = o.value
      ? { type: 'string', multiple: o.multiple ?? false }
      : { type: 'boolean' };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error, spec));
  }
  if (parsed.values.help === true) return { kind: 'help' };
  const wanted = spec.args ?? [];
  if (parsed.positionals.length > wanted.length) {
    throw new UsageError(`unexpected argument '${parsed.positionals[wanted.length]}'`);
  }
  const missingArg = wanted[parsed.positionals.length];
  if (missingArg) throw new UsageError(`missing ${missingArg.name}: ${missingArg.help}`);
  const values: Record<string, string | string[] | boolean | undefined> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    const value = parsed.values[name];
    if (o.required && value === undefined) {
      throw new UsageError(`missing ${flag(name, o)}: ${o.help}`);
    }
    // Strings for options with a value, booleans for flags: parseArgs was told which is which.
    values[name] = o.multiple && value === undefined ? [] : (value as string | string[] | boolean);
  }
  return { kind: 'run', options: values, args: parsed.positionals };
}
