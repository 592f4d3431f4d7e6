// A command is data: its options and arguments (which give both the parser and the help) and
// the function that runs it. No argument library is loaded to start the CLI.

export interface OptionSpec {
  /** The value's name in help ("FILE"); absent for a flag such as --json. */
  value?: string;
  help: string;
  required?: boolean;
  /** May be given several times (--ics a.ics --ics b.ics). */
  multiple?: boolean;
}

export interface ArgumentSpec {
  name: string;
  help: string;
}

type ValueOf<O extends OptionSpec> = O['value'] extends string
  ? O['multiple'] extends true
    ? string[]
    : O['required'] extends true
      ? string
      : string | undefined
  : boolean | undefined;

/** The parsed options of a command, typed from its spec: `{ csv: string; json: boolean | undefined }`. */
export type OptionValues<Options extends Record<string, OptionSpec>> = {
  [K in keyof Options]: ValueOf<Options[K]>;
};

export interface CommandSpec<
  Options extends Record<string, OptionSpec> = Record<string, OptionSpec>,
> {
  /** Positional arguments, all required, in order. */
  args?: readonly ArgumentSpec[];
  options: Options;
  /** Help lines after the options: examples, what the output means. */
  notes?: readonly string[];
  run(options: OptionValues<Options>, args: string[]): Promise<void> | void;
}

/** Checks a command file's spec and types its `run` from its options. */
export function defineCommand<const Options extends Record<string, OptionSpec>>(
  spec: CommandSpec<Options>,
): CommandSpec<Options> {
  return spec;
}

/** What a command file exports; `commands.ts` loads it only when the command runs. */
export interface CommandModule {
  // Options are checked against the spec before `run`, so the module's own option types hold.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  command: CommandSpec<any>;
}
