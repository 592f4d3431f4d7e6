import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { OPERATION_NAMES } from '@mindflow/shared';
import { tempDir } from '../../test-support/databases.ts';
import { resultOfToolCall } from '../../test-support/mcp-transport.ts';

// `mindflow mcp --user EMAIL` as Claude Desktop runs it: the SDK's stdio client spawns the
// built bin (the server's vitest global setup builds it) on a local SQLite database.

const bin = fileURLToPath(new URL('../../bin/mindflow.js', import.meta.url));

async function spawnMcp(dataDir: string, email: string) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp', '--user', email],
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, TZ: 'Europe/Berlin' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const protocolErrors: string[] = [];
  transport.onerror = (error) => protocolErrors.push(error.message);
  const client = new Client({ name: 'stdio-test', version: '1' });
  await client.connect(transport);
  // The SDK reads stdout line by line as JSON-RPC: anything else there is an error here.
  client.onerror = (error) => protocolErrors.push(error.message);
  return { client, stderr: () => stderr, protocolErrors };
}

describe('mindflow mcp over stdio', { timeout: 60_000 }, () => {
  it('serves the catalogue as one local user, created on first use, with logs on stderr only', async () => {
    const dataDir = join(tempDir('mindflow-mcp-stdio-'), 'data');
    const first = await spawnMcp(dataDir, 'desk@example.com');
    try {
      const { tools } = await first.client.listTools();
      expect(tools.map((t) => t.name)).toEqual([...OPERATION_NAMES]);
      const added = resultOfToolCall(
        (await first.client.callTool({
          name: 'quickAddTask',
          arguments: { text: 'call mom tomorrow 5pm p1' },
        })) as CallToolResult,
      );
      expect(added).toMatchObject({ ok: true, data: { task: { title: 'call mom', priority: 5 } } });
      const best = resultOfToolCall(
        (await first.client.callTool({ name: 'getBestTask', arguments: {} })) as CallToolResult,
      );
      expect(best).toMatchObject({ ok: true, data: { task: { title: 'call mom' } } });
      const failed = resultOfToolCall(
        (await first.client.callTool({
          name: 'getTask',
          arguments: { id: 'nope' },
        })) as CallToolResult,
      );
      expect(failed).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', message: expect.stringContaining('id') },
      });
      expect(first.stderr()).toContain('created the local user desk@example.com');
    } finally {
      await first.client.close();
    }
    expect(first.protocolErrors).toEqual([]);

    // The same user the next time: the task is still there, and nobody is created again.
    const second = await spawnMcp(dataDir, 'desk@example.com');
    try {
      const list = resultOfToolCall(
        (await second.client.callTool({ name: 'listTasks', arguments: {} })) as CallToolResult,
      );
      expect(
        (list as { data: { tasks: { title: string }[] } }).data.tasks.map((t) => t.title),
      ).toEqual(['call mom']);
      expect(second.stderr()).not.toContain('created');
    } finally {
      await second.client.close();
    }
  });
});
