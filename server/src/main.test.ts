import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteClient } from './db/sql-client.sqlite.ts';
import { REAL_PG_URL, tempDir } from '../test-support/databases.ts';
import { FakeSheetsServer } from '../test-support/fake-sheets-server.ts';
import { LocalSmtpServer } from '../test-support/local-smtp-server.ts';
import { api } from '../test-support/http-client.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

/** Starts the real entry point on 127.0.0.1, port 0; answers its URL from the boot log. */
async function boot(env: Record<string, string>) {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_FORMAT: 'json',
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 15_000;
  while (!/listening on (http:\/\/\S+)/.test(out)) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: /listening on (http:\/\/\S+)/.exec(out)![1]!, output: () => out };
}

describe('main', () => {
  it('refuses to start on bad configuration, naming the variable', async () => {
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, PORT: 'eighty' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(err).toContain('PORT must be a port number');
  });

  it('finishes in-flight writes on SIGTERM and loses none it acknowledged', async () => {
    const dataDir = tempDir();
    const { child, url, output } = await boot({
      DATA_DIR: dataDir,
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    expect((await api(`${url}/health`)).body.status).toBe('ok');
    const { token } = (
      await api(`${url}/api/auth/register`, {
        body: { email: 'x@example.com', password: 'correct horse battery' },
      })
    ).body;
    const acked: string[] = [];
    const writes = Array.from(
      { length: 200 },
      (_, i) =>
        api(`${url}/api/tasks`, { token, body: { title: `write ${i}` } })
          .then((r) => {
            if (r.status === 201) acked.push(r.body.id);
          })
          .catch(() => undefined), // refused after shutdown began: never acknowledged
    );
    await new Promise((r) => setTimeout(r, 30));
    // Listened for before the writes settle: the server may exit before this process has
    // read the last of its answers, and an 'exit' already emitted is never heard again.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await Promise.all(writes);
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
    expect(acked.length).toBeGreaterThan(0);
    const db = new SqliteClient({ path: join(dataDir, 'mindflow.db') });
    const stored = new Set((await db.all<{ id: string }>('SELECT id FROM tasks')).map((r) => r.id));
    await db.close();
    for (const id of acked) expect(stored.has(id)).toBe(true);
  }, 60_000);

  it('keeps tasks in a Google Sheet with STORE=sheets (the local fake API)', async () => {
    const fake = new FakeSheetsServer();
    const apiUrl = await fake.start();
    fake.addSpreadsheet('sheet-under-test-1234');
    const { child, url } = await boot({
      DATA_DIR: tempDir(),
      STORE: 'sheets',
      SPREADSHEET_ID: 'sheet-under-test-1234',
      SHEETS_API_URL: apiUrl,
    });
    try {
      expect((await api(`${url}/health`)).body).toMatchObject({ store: 'sheets', database: 'ok' });
      const reg = await api(`${url}/api/auth/register`, {
        body: { email: 's@example.com', password: 'correct horse battery' },
      });
      const made = await api(`${url}/api/tasks`, {
        token: reg.body.token,
        body: { title: '=1+1' },
      });
      expect(made.status).toBe(201);
      const tab = fake.tab('sheet-under-test-1234', `Tasks-${reg.body.user.id}`)!;
      expect(tab[1]![1]).toBe('=1+1');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await fake.stop();
    }
  }, 60_000);

  it('sends the morning email on its schedule through SMTP_URL, and stops it on SIGTERM', async () => {
    const smtp = new LocalSmtpServer();
    const smtpUrl = await smtp.start();
    const { child, url, output } = await boot({
      DATA_DIR: tempDir(),
      SMTP_URL: smtpUrl,
      MAIL_FROM: 'MindFlow <plan@mindflow.test>',
      PUBLIC_URL: 'https://mindflow.example.com',
      PLAN_EMAIL_CRON: '* * * * * *', // every second, so the test need not wait minutes
    });
    try {
      const { token } = (
        await api(`${url}/api/auth/register`, {
          body: { email: 'early@example.com', password: 'correct horse battery' },
        })
      ).body;
      // 00:00 in UTC: due whenever the test runs.
      const on = await api(`${url}/api/me`, {
        method: 'PATCH',
        token,
        body: { daily_plan: { enabled: true, hour: 0, minute: 0 } },
      });
      expect(on.status).toBe(200);
      const deadline = Date.now() + 15_000;
      while (smtp.received.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(smtp.received.map((m) => m.to)).toEqual([['early@example.com']]);
      expect(smtp.received[0]!.parsed.text).toContain('https://mindflow.example.com/');
      await new Promise((r) => setTimeout(r, 1500)); // more ticks: still one email
      expect(smtp.received).toHaveLength(1);
      expect(output()).toContain('plan email schedule started');
    } finally {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
      await smtp.stop();
    }
  }, 60_000);

  it.skipIf(!REAL_PG_URL)(
    'runs on PostgreSQL when DATABASE_URL is set',
    async () => {
      const { child, url } = await boot({ DATABASE_URL: REAL_PG_URL! });
      try {
        expect((await api(`${url}/health`)).body).toMatchObject({
          store: 'postgres',
          database: 'ok',
        });
      } finally {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
    60_000,
  );
});
