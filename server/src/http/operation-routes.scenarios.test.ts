import { afterAll, beforeAll, describe } from 'vitest';
import { describeOperationScenarios } from '@mindflow/shared/testing';
import type { SqlClient } from '../db/sql-client.ts';
import { openSheetsApi } from '../stores/sheets-api.ts';
import { sheetsTaskStores } from '../stores/task-store.sheets.ts';
import {
  openPglite,
  openRealPg,
  REAL_PG_SKIP_REASON,
  REAL_PG_URL,
} from '../../test-support/databases.ts';
import { FakeSheetsServer } from '../../test-support/fake-sheets-server.ts';
import { httpTransport } from '../../test-support/http-transport.ts';
import { startTestServer } from '../../test-support/test-server.ts';

// Proof of mirroring: the scenarios the core and the add-on pass, over HTTP, each on a
// freshly registered user (so one database serves them all, isolated by account), on
// every store the server can run on.

describeOperationScenarios('server over HTTP on SQLite', async () => {
  const server = await startTestServer();
  const { token } = await server.register({ time_zone: 'Europe/Berlin' });
  return { transport: httpTransport(server.url, token), cleanup: () => server.close() };
});

let pglite: Promise<SqlClient> | null = null;
let realPg: Promise<SqlClient> | null = null;
const fake = new FakeSheetsServer();
let fakeUrl: Promise<string> | null = null;
// PGlite compiles its WebAssembly on open: seconds on a busy machine, more than a
// scenario's own hook may wait, so it opens once, first, with time to spare.
beforeAll(async () => {
  pglite = openPglite();
  await pglite;
}, 120_000);
afterAll(async () => {
  await (await pglite)?.close();
  await (await realPg)?.close();
  if (fakeUrl) await fake.stop();
});

describeOperationScenarios('server over HTTP on PGlite', async () => {
  pglite ??= openPglite();
  const server = await startTestServer({ db: await pglite, keepDb: true });
  const { token } = await server.register({ time_zone: 'Europe/Berlin' });
  return { transport: httpTransport(server.url, token), cleanup: () => server.close() };
});

describeOperationScenarios('server over HTTP on Google Sheets (local fake API)', async () => {
  fakeUrl ??= fake.start();
  const id = `scenarios-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  fake.addSpreadsheet(id);
  const stores = sheetsTaskStores(
    await openSheetsApi({ apiUrl: await fakeUrl, credentialsFile: null }),
    id,
  );
  const server = await startTestServer({ stores });
  const { token } = await server.register({ time_zone: 'Europe/Berlin' });
  return { transport: httpTransport(server.url, token), cleanup: () => server.close() };
});

describe.skipIf(!REAL_PG_URL)(
  `real PostgreSQL${REAL_PG_URL ? '' : ` (${REAL_PG_SKIP_REASON})`}`,
  () => {
    describeOperationScenarios('server over HTTP on PostgreSQL', async () => {
      realPg ??= openRealPg();
      const server = await startTestServer({ db: await realPg, keepDb: true });
      const { token } = await server.register({ time_zone: 'Europe/Berlin' });
      return { transport: httpTransport(server.url, token), cleanup: () => server.close() };
    });
  },
);
