import { afterAll, describe } from 'vitest';
import { describeOperationScenarios } from '@mindflow/shared/testing';
import type { SqlClient } from '../db/sql-client.ts';
import { openRealPg, REAL_PG_SKIP_REASON, REAL_PG_URL } from '../../test-support/databases.ts';
import { mcpHttpClient, mcpTransport } from '../../test-support/mcp-transport.ts';
import { startTestServer } from '../../test-support/test-server.ts';

// Proof of mirroring, fourth transport: the operation scenarios the core, the add-on and
// REST pass, as MCP tool calls through the official SDK client over Streamable HTTP.

describeOperationScenarios('server over MCP (Streamable HTTP) on SQLite', async () => {
  const server = await startTestServer();
  const { token } = await server.register({ time_zone: 'Europe/Berlin' });
  const client = await mcpHttpClient(server.url, token);
  return {
    transport: mcpTransport(client),
    cleanup: async () => {
      await client.close();
      await server.close();
    },
  };
});

let realPg: Promise<SqlClient> | null = null;
afterAll(async () => {
  await (await realPg)?.close();
});

describe.skipIf(!REAL_PG_URL)(
  `real PostgreSQL${REAL_PG_URL ? '' : ` (${REAL_PG_SKIP_REASON})`}`,
  () => {
    describeOperationScenarios('server over MCP (Streamable HTTP) on PostgreSQL', async () => {
      realPg ??= openRealPg();
      const server = await startTestServer({ db: await realPg, keepDb: true });
      const { token } = await server.register({ time_zone: 'Europe/Berlin' });
      const client = await mcpHttpClient(server.url, token);
      return {
        transport: mcpTransport(client),
        cleanup: async () => {
          await client.close();
          await server.close();
        },
      };
    });
  },
);
