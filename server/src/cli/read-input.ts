import { readFileSync } from 'node:fs';
import { UsageError } from './cli-context.ts';

let stdinTaken = false;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of `file`, or of standard input when it is `-`; a usage error naming `flag`. */
export async function readInput(file: string, flag: string): Promise<string> {
  if (file === '-') {
    if (stdinTaken) throw new UsageError(`${flag}: standard input (-) can be read only once`);
    stdinTaken = true;
    return readStdin();
  }
  try {
    // Synchronous: one file, nothing else to do meanwhile, and no promise machinery to start.
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${flag}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/** Where a problem in `file` is: its name, or "stdin". */
export function inputName(file: string): string {
  return file === '-' ? 'stdin' : file;
}
