import packageJson from '../../package.json' with { type: 'json' };
import { COMMANDS, type CommandEntry } from './commands.ts';
import { commandHelp, programHelp } from './help-text.ts';
import { readArguments } from './read-arguments.ts';
import { terminalOf } from './terminal.ts';
import { isUsageError, UsageError } from './usage-error.ts';

async function runCommand(entry: CommandEntry, argv: readonly string[]): Promise<void> {
  const { command } = await entry.load();
  let read;
  try {
    read = readArguments(command, argv);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    throw new UsageError(`${error.message} (see mindflow ${entry.name} --help)`);
  }
  if (read.kind === 'help') {
    process.stdout.write(commandHelp(entry, command, terminalOf(process.stdout).width));
    return;
  }
  await command.run(read.options, read.args);
}

function unknownCommand(name: string): UsageError {
  const known = COMMANDS.map((c) => c.name).join(', ');
  const what = name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`;
  return new UsageError(`${what}; the commands are ${known} (see mindflow --help)`);
}

async function run(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  const out = process.stdout;
  if (first === '-h' || first === '--help' || (first === 'help' && rest.length === 0)) {
    out.write(programHelp(COMMANDS, terminalOf(out).width));
    return 0;
  }
  if (first === undefined) {
    const known = COMMANDS.map((c) => c.name).join(', ');
    throw new UsageError(`which command? ${known} (see mindflow --help)`);
  }
  if (first === '-V' || first === '--version') {
    out.write(`${packageJson.version}\n`);
    return 0;
  }
  const name = first === 'help' ? rest[0]! : first;
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) throw unknownCommand(name);
  await runCommand(entry, first === 'help' ? ['--help'] : rest);
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

/** Runs the CLI and answers its exit code: 0 ok, 1 failed, 2 bad usage. Never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    const usage = isUsageError(error);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`mindflow: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return usage ? 2 : 1;
  }
}
