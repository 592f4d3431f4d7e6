import { buildDashboard } from '@mindflow/web/build';
import { buildCli } from './build-cli.ts';

/**
 * The CLI tests spawn the bundle a user runs, and the dashboard tests load the page the
 * server serves at /, so both are rebuilt from the sources first.
 */
export async function setup(): Promise<void> {
  await Promise.all([buildCli(), buildDashboard()]);
}
