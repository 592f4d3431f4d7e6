import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBearerProxy } from '../../test-support/bearer-proxy.ts';
import { tempDir } from '../../test-support/databases.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// The official MCP conformance suite (@modelcontextprotocol/conformance) against /mcp, for
// the server scenarios that need none of its reference tools: server-initialize, ping,
// tools-list, dns-rebinding-protection. The suite sends no token, so a pass-through proxy
// adds a real user's Bearer token; Host and Origin reach the server as the suite sent them.

const run = promisify(execFile);
const CLI = fileURLToPath(
  new URL('../../../node_modules/@modelcontextprotocol/conformance/dist/index.js', import.meta.url),
);
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'];

interface Check {
  id: string;
  status: string;
  errorMessage?: string;
}

function checksIn(dir: string): Check[] {
  const found: Check[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...checksIn(path));
    else if (entry === 'checks.json')
      found.push(...(JSON.parse(readFileSync(path, 'utf8')) as Check[]));
  }
  return found;
}

describe('MCP conformance suite', { timeout: 120_000 }, () => {
  let s: TestServer;
  let proxy: Awaited<ReturnType<typeof startBearerProxy>>;
  beforeAll(async () => {
    s = await startTestServer();
    const { token } = await s.register();
    proxy = await startBearerProxy(s.url, token);
  });
  afterAll(async () => {
    await proxy.close();
    await s.close();
  });

  for (const scenario of SCENARIOS) {
    it(`passes ${scenario}`, async () => {
      const out = tempDir('mindflow-conformance-');
      const result = await run(
        process.execPath,
        [CLI, 'server', '--url', `${proxy.url}/mcp`, '--scenario', scenario, '-o', out],
        { timeout: 90_000 },
      ).catch((error: { stdout?: string; stderr?: string; code?: number }) => error);
      const checks = checksIn(out);
      expect(checks.length, `${result.stdout ?? ''}${result.stderr ?? ''}`).toBeGreaterThan(0);
      expect(checks.filter((c) => c.status !== 'SUCCESS' && c.status !== 'INFO')).toEqual([]);
    });
  }
});
