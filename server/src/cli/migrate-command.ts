import cliProgress from 'cli-progress';
import { loadSheetsConnection } from '../config/env.ts';
import { runMigration, type MigrationReport } from '../migrate/run-migration.ts';
import {
  emptyEndpoint,
  openEndpoint,
  parseEndpointSpec,
  type TaskEndpoint,
} from '../migrate/task-endpoints.ts';
import { printJson, UsageError } from './cli-context.ts';
import { defineCommand } from './command-spec.ts';
import { textTable } from './text-table.ts';

const SPEC_HELP = 'sheets:SPREADSHEET_ID[#Tab] | csv:FILE | sqlite:PATH | postgres://…';

function spec(value: string, flag: string) {
  const parsed = parseEndpointSpec(value);
  if (!parsed) throw new UsageError(`${flag}: '${value}' is not ${SPEC_HELP}`);
  return parsed;
}

function printReport(out: NodeJS.WritableStream, r: MigrationReport): void {
  out.write(
    `${r.dry_run ? 'dry run: would write' : 'wrote'} ${r.dry_run ? r.source_count - r.unchanged : r.written} tasks` +
      ` (${r.unchanged} already there); source ${r.source_count}, target ${r.target_count}, missing ${r.missing_in_target}\n`,
  );
  for (const problem of r.invalid_in_source) out.write(`skipped: ${problem}\n`);
  for (const warning of r.read_with_fallback) out.write(`read with a fallback: ${warning}\n`);
  if (!r.dry_run) {
    out.write(
      `${textTable(
        ['field', 'source', 'target', ''],
        r.fields.map((f) => [f.field, f.source, f.target, f.ok ? 'ok' : 'MISMATCH']),
      )}\n`,
    );
  }
  const skipped = r.invalid_in_source.length;
  const copiedOk = r.missing_in_target === 0 && r.fields.every((f) => f.ok);
  if (r.ok) out.write('verified: every task arrived unchanged\n');
  else if (skipped > 0 && (r.dry_run || copiedOk))
    out.write(
      `verification FAILED: ${skipped} source row${skipped === 1 ? ' was' : 's were'} not copied (see "skipped" above)\n`,
    );
  else out.write('verification FAILED\n');
  if (r.read_with_fallback.length > 0)
    out.write(
      `warnings: ${r.read_with_fallback.length} row${r.read_with_fallback.length === 1 ? '' : 's'} read with a fallback value (see above); they do not change the verdict\n`,
    );
}

export const command = defineCommand({
  options: {
    from: { value: 'SRC', required: true, help: SPEC_HELP },
    to: { value: 'DST', required: true, help: SPEC_HELP },
    user: {
      value: 'EMAIL',
      required: true,
      help: 'the account whose tasks move (created in a database target if missing)',
    },
    'dry-run': { help: 'read both sides and report what would be written; write nothing' },
    json: { help: 'print the report as JSON' },
  },
  async run(options) {
    const from = spec(options.from, '--from');
    const to = spec(options.to, '--to');
    if (!/^[^@\s]+@[^@\s]+$/.test(options.user))
      throw new UsageError(`--user: '${options.user}' is not an email`);
    const sheets = loadSheetsConnection();
    const opened: TaskEndpoint[] = [];
    try {
      const source = await openEndpoint(from, options.user, 'source', sheets);
      opened.push(source);
      // A dry run writes nothing, not even an account or a schema: a target that does not
      // exist yet reads as empty.
      const target = options['dry-run']
        ? await openEndpoint(to, options.user, 'source', sheets).catch(() =>
            emptyEndpoint(options.to),
          )
        : await openEndpoint(to, options.user, 'target', sheets);
      opened.push(target);
      if (target.notice) process.stderr.write(`${target.notice}\n`);
      // A bar on a terminal; nothing when piped, so logs stay readable.
      const bar = process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: 'migrating [{bar}] {value}/{total} tasks', hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
      let started = false;
      const report = await runMigration({
        source,
        target,
        dryRun: options['dry-run'] ?? false,
        onProgress: (done, total) => {
          if (!bar) return;
          if (!started) bar.start(total, done);
          started = true;
          bar.update(done);
        },
      });
      bar?.stop();
      if (options.json) printJson(process.stdout, report);
      else printReport(process.stdout, report);
      if (!report.ok) process.exitCode = 1;
    } finally {
      for (const e of opened) await e.close();
    }
  },
});
