import { afterAll } from 'vitest';
import { describeOperationScenarios } from '@mindflow/shared/testing';
import type { SqlClient } from '../db/sql-client.ts';
import { openPglite } from '../test-support/databases.ts';
import { httpTransport } from '../test-support/http-transport.ts';
import { startTestServer } from '../test-support/test-server.ts';

// Proof of mirroring: the scenarios the core and the add-on pass, over HTTP, each on a
// freshly registered user (so one database serves them all, isolated by account).
describeOperationScenarios('server over HTTP on SQLite', async () => {
  const server = await startTestServer();
  const { token } = await server.register({ time_zone: 'Europe/Berlin' });
  return { transport: httpTransport(server.url, token), cleanup: () => server.close() };
});

let pglite: Promise<SqlClient> | null = null;
afterAll(async () => {
  await (await pglite)?.close();
});

describeOperationScenarios('server over HTTP on PGlite', async () => {
  pglite ??= openPglite();
  const server = await startTestServer({ db: await pglite, keepDb: true });
  const { token } = await server.register({ time_zone: 'Europe/Berlin' });
  return { transport: httpTransport(server.url, token), cleanup: () => server.close() };
});
