import { buildCli } from './build-cli.ts';

/** The CLI tests spawn the bundle a user runs, so it is rebuilt from the sources first. */
export async function setup(): Promise<void> {
  await buildCli();
}
