import { randomUUID } from 'node:crypto';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { intlTimeZone } from '@mindflow/shared';
import { AccountRepository, taskRevisionOf, type Caller } from '../accounts/account-repository.ts';
import { readSettings } from '../accounts/user-settings.ts';
import { UserCalendars } from '../calendar/user-calendars.ts';
import type { Config } from '../config/env.ts';
import { DailyPlans } from '../daily-plan/daily-plans.ts';
import { cachedTimeZone } from '../operations/cached-time-zone.ts';
import { composeExecutor } from '../operations/compose-executor.ts';
import { IdempotencyStore } from '../operations/idempotency-store.ts';
import { openBackends } from '../server-backends.ts';
import { READ_SCOPE, WRITE_SCOPE, createMcpServer } from './mcp-server.ts';

// `mindflow mcp`: the same MCP server over stdio, for desktop clients (Claude Desktop,
// Cursor) on this machine's database, as one local user. stdout carries only protocol
// messages; everything a person should read goes to stderr.

export interface StdioOptions {
  email: string;
  version: string;
  /** Where a line for a person goes (stderr). */
  log: (line: string) => void;
}

/** The user with this email, created (with no password: it cannot sign in on the web) if new. */
async function localUser(accounts: AccountRepository, email: string, log: StdioOptions['log']) {
  const found = await accounts.findByEmail(email);
  if (found) return found.user;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const created = await accounts.createUser(email, '', { time_zone: zone });
  if (created) {
    log(`mindflow mcp: created the local user ${created.email} (time zone ${zone})`);
    return created;
  }
  const raced = await accounts.findByEmail(email);
  if (!raced) throw new Error(`could not create the user ${email}`);
  return raced.user;
}

/** Serves MCP on stdin/stdout until the client closes stdin. */
export async function serveMcpOverStdio(config: Config, options: StdioOptions): Promise<void> {
  const backends = await openBackends(config);
  const accounts = new AccountRepository(backends.db);
  const user = await localUser(accounts, options.email, options.log);
  const timeZone = cachedTimeZone(intlTimeZone);
  const calendars = new UserCalendars({
    google: config.calendar.google,
    ics: { allowPrivateHosts: config.calendar.icsAllowPrivateHosts },
  });
  const executor = composeExecutor({
    stores: backends.stores,
    idempotency: new IdempotencyStore(backends.db),
    plans: new DailyPlans({ calendars, newId: randomUUID, timeZone }),
    clock: Date.now,
    newId: randomUUID,
    timeZone,
  });
  // Read afresh per call: settings changed in the web app apply at once; the task revision
  // that keys the caches is read by the caches themselves, at each call.
  const caller = async (): Promise<Caller> => {
    const rows = await backends.db.all<{ settings: string | null }>(
      `SELECT s.settings FROM users u
       LEFT JOIN user_settings s ON s.user_id = u.id WHERE u.id = $1`,
      [user.id],
    );
    const row = rows[0];
    if (!row) throw new Error(`the user ${user.email} is gone`);
    return {
      user,
      settings: readSettings(row.settings),
      taskRevision: () => taskRevisionOf(backends.db, user.id),
      tokenId: 'stdio',
    };
  };
  const context = { caller, scopes: [READ_SCOPE, WRITE_SCOPE] };
  const server = createMcpServer({
    contextOf: () => context,
    executor,
    version: options.version,
    onError: (error, operation) =>
      options.log(`mindflow mcp: ${operation} failed: ${(error as Error).stack ?? String(error)}`),
  });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = resolve;
    process.stdin.once('end', resolve);
  });
  await server.connect(transport);
  options.log(`mindflow mcp: serving ${user.email} over stdio (${backends.stores.kind})`);
  await closed;
  await server.close();
  await backends.close();
}
