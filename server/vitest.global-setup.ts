import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDashboard } from '@mindflow/web/build';
import { buildCli } from './build-cli.ts';

/**
 * The CLI tests spawn the bundle a user runs, and the dashboard tests load the page the
 * server serves at /, so both are rebuilt from the sources first.
 *
 * Tests make temporary files by the hundred (databases, CSV files, data directories of
 * servers they start), most of them in places a test cannot easily clean up after. So the
 * run gets one directory of its own as TMPDIR, which every worker and every process they
 * spawn inherits (os.tmpdir() reads it), and the whole directory goes when the run ends.
 */
export async function setup(): Promise<() => void> {
  const runDir = mkdtempSync(join(tmpdir(), 'mindflow-tests-'));
  process.env.TMPDIR = runDir;
  await Promise.all([buildCli(), buildDashboard()]);
  return () => rmSync(runDir, { recursive: true, force: true });
}
