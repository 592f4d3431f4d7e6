import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { listenOnFreePort } from '@mindflow/shared/testing';
import { tempDir } from '../test-support/databases.ts';
import { loadEnvFileIfPresent } from './config/env.ts';

// Issue 10 items 12–14: what a person starting the server reads when something is wrong —
// one sentence naming what to change, and an exit code — never a stack trace or "listening".

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

async function start(env: Record<string, string>, args: string[] = [main]) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, HOST: '127.0.0.1', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out, err };
}

/** One line, no stack trace. */
function oneSentence(text: string): void {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
}

describe('main: startup failures', () => {
  it('says the port is in use and exits 1 instead of "listening" and 0', async () => {
    const taken = createServer();
    const port = await listenOnFreePort(taken as never);
    try {
      const r = await start({ PORT: String(port), DATA_DIR: tempDir() });
      expect(r.code).toBe(1);
      expect(r.err).toContain(
        `mindflow server: port ${port} on 127.0.0.1 is already in use; stop what is listening there or set PORT to a free port.`,
      );
      oneSentence(r.err);
      expect(r.out).not.toContain('listening');
    } finally {
      taken.close();
    }
  });

  it('names DATA_DIR when it is a file, and exits 2', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const r = await start({ PORT: '0', DATA_DIR: file });
    expect(r.code).toBe(2);
    expect(r.err).toContain(`mindflow server: DATA_DIR ${file} is a file`);
    oneSentence(r.err);
  });

  it.skipIf(process.platform !== 'linux')(
    'names DATA_DIR when it cannot be created, and exits 2',
    async () => {
      const r = await start({ PORT: '0', DATA_DIR: '/sys/mindflow-test/data' });
      expect(r.code).toBe(2);
      expect(r.err).toMatch(
        /^mindflow server: DATA_DIR \/sys\/mindflow-test\/data cannot be created \(E[A-Z]+\); create it yourself or set DATA_DIR to a writable directory\.\n$/,
      );
    },
  );

  it('names DATABASE_URL, without its password, when PostgreSQL cannot be reached', async () => {
    const closed = createServer();
    const port = await listenOnFreePort(closed as never);
    await new Promise((r) => closed.close(r)); // a port nobody listens on
    const r = await start({
      PORT: '0',
      DATABASE_URL: `postgres://mindflow:s3cret@127.0.0.1:${port}/mindflow`,
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `mindflow server: DATABASE_URL postgres://…@127.0.0.1:${port}/mindflow could not be reached (ECONNREFUSED)`,
    );
    expect(r.err).not.toContain('s3cret');
    oneSentence(r.err);
  });

  it('starts the way package.json does without a word about a missing .env', async () => {
    const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
      .scripts as Record<string, string>;
    for (const script of Object.values(scripts)) expect(script).not.toContain('--env-file');
    // A configuration error stops it right after the .env would be read.
    const r = await start({ PORT: 'eighty' });
    expect(r.code).toBe(2);
    expect(r.err).not.toContain('.env');
    expect(r.err).toContain('PORT must be a port number');
  });

  it('loads a .env when there is one, without overriding what is set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mindflow-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'MINDFLOW_TEST_FROM_ENV_FILE=from-file\nHOME=from-file\n');
    const home = process.env['HOME'];
    loadEnvFileIfPresent(file);
    expect(process.env['MINDFLOW_TEST_FROM_ENV_FILE']).toBe('from-file');
    expect(process.env['HOME']).toBe(home);
    delete process.env['MINDFLOW_TEST_FROM_ENV_FILE'];
    expect(() => loadEnvFileIfPresent(join(dir, 'missing.env'))).not.toThrow();
  });
});

// The system's own node, when it is older than the one the server needs (CI images and
// this machine ship Node 20 beside the repository's Node 24).
const OLD_NODE = '/usr/bin/node';
const oldMajor = (() => {
  const r = spawnSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.split('.')[0]) : null;
})();

describe('main: the built entry point on an older Node', () => {
  it.skipIf(oldMajor === null || oldMajor >= 24)(
    'says which Node is needed instead of "No such built-in module: node:sqlite"',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'mindflow-launch-'));
      buildSync({
        entryPoints: [fileURLToPath(new URL('./launch.ts', import.meta.url))],
        platform: 'node',
        format: 'esm',
        target: 'node18',
        outfile: join(dir, 'main.js'),
        logLevel: 'silent',
      });
      // What esbuild bundles from main.ts: the first import needs node:sqlite.
      writeFileSync(join(dir, 'server.js'), "import 'node:sqlite';\n");
      const r = spawnSync(OLD_NODE, [join(dir, 'main.js')], { encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(
        /^mindflow server: needs Node\.js 24 or later, and this is Node\.js \d+\.\d+\.\d+; install Node\.js 24/,
      );
      expect(r.stderr).not.toContain('node:sqlite');
      // And on the Node it needs, it goes on to load the server.
      const ok = spawnSync(process.execPath, [join(dir, 'main.js')], { encoding: 'utf8' });
      expect(ok.status).toBe(0);
    },
  );
});
