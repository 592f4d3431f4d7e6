import { Command, CommanderError } from 'commander';
import { UsageError } from './cli-context.ts';
import { registerRank } from './rank-command.ts';
import { registerParse } from './parse-command.ts';
import { registerGptSchema } from './gpt-schema-command.ts';
import { registerPlan } from './plan-command.ts';
import { registerMigrate } from './migrate-command.ts';

export function createProgram(): Command {
  const program = new Command('mindflow')
    .description('MindFlow: your tasks, ranked by what to do next — with the reasons why')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerRank(program);
  registerParse(program);
  registerGptSchema(program);
  registerPlan(program);
  registerMigrate(program);
  return program;
}

/** Runs the CLI and answers its exit code: 0 ok, 1 failed, 2 bad usage. Never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await createProgram().parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    const usage = error instanceof UsageError;
    process.stderr.write(`mindflow: ${(error as Error).message ?? String(error)}\n`);
    return usage ? 2 : 1;
  }
}
