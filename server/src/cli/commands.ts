import type { CommandModule } from './command-spec.ts';

export interface CommandEntry {
  name: string;
  /** The synopsis `mindflow --help` shows, so the help needs no command loaded. */
  synopsis: string;
  summary: string;
  load(): Promise<CommandModule>;
}

// One entry per command. Each loads only when it runs: `mindflow --help` reads none of them,
// and `mindflow rank` never parses the migration's database drivers. To add a command, write
// src/cli/NAME-command.ts exporting `command = defineCommand({ options, run })` and add its
// entry here; build-cli.ts bundles every *-command.ts file on its own.
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'rank',
    synopsis: 'rank --csv FILE|- [--limit N]',
    summary: 'Rank the tasks of a CSV export of the Tasks sheet, best first, with the reasons',
    load: () => import('./rank-command.ts'),
  },
  {
    name: 'parse',
    synopsis: 'parse TEXT',
    summary: 'Show what quick add understands in one line of text',
    load: () => import('./parse-command.ts'),
  },
  {
    name: 'plan',
    synopsis: 'plan [--date DAY] [--csv FILE|-] [--ics FILE]…',
    summary:
      'Plan a day around your calendar: meetings, the best tasks in the free time, what does not fit',
    load: () => import('./plan-command.ts'),
  },
  {
    name: 'gpt-schema',
    synopsis: 'gpt-schema --gas-url URL --key KEY | --server-url URL',
    summary: 'Print the OpenAPI 3.1 schema to paste into a Custom GPT action',
    load: () => import('./gpt-schema-command.ts'),
  },
  {
    name: 'migrate',
    synopsis: 'migrate --from SRC --to DST --user EMAIL',
    summary:
      'Copy one user’s tasks between Sheets, CSV, SQLite and PostgreSQL, then verify the copy',
    load: () => import('./migrate-command.ts'),
  },
  {
    name: 'mcp',
    synopsis: 'mcp --user EMAIL',
    summary: 'Serve MindFlow to Claude Desktop, Cursor … over stdio (MCP), as one local user',
    load: () => import('./mcp-command.ts'),
  },
];
