import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.ts';

describe('env', () => {
  describe('loadConfig', () => {
    it('starts with nothing configured: SQLite under ./data on port 8080', () => {
      const c = loadConfig({});
      expect(c).toMatchObject({
        port: 8080,
        store: 'sqlite',
        env: 'development',
        logFormat: 'pretty',
      });
      expect(c.dataDir.endsWith('/data')).toBe(true);
    });
    it('picks PostgreSQL when DATABASE_URL is set', () => {
      expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' }).store).toBe('postgres');
    });
    it('names every bad variable in one message', () => {
      expect(() =>
        loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', STORE: 'sheets' }),
      ).toThrow(ConfigError);
      try {
        loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', STORE: 'sheets' });
      } catch (error) {
        const message = (error as Error).message;
        expect(message).toContain('PORT must be a port number');
        expect(message).toContain('DATABASE_URL must start with postgres://');
      }
      expect(() => loadConfig({ STORE: 'sheets' })).toThrow(
        'SPREADSHEET_ID is required when STORE=sheets',
      );
    });
    it('bounds open tasks and live tokens per user: 50,000 and 100 unless set, whole and ≥ 1', () => {
      expect(loadConfig({})).toMatchObject({ maxOpenTasksPerUser: 50_000, maxTokensPerUser: 100 });
      expect(loadConfig({ MAX_OPEN_TASKS_PER_USER: '200000' }).maxOpenTasksPerUser).toBe(200_000);
      expect(() => loadConfig({ MAX_OPEN_TASKS_PER_USER: '0' })).toThrow(
        'MAX_OPEN_TASKS_PER_USER must be at least 1',
      );
      expect(() => loadConfig({ MAX_TOKENS_PER_USER: 'lots' })).toThrow(
        'MAX_TOKENS_PER_USER must be a number',
      );
    });
    it('reads the CORS allow-list as a comma-separated list and treats blanks as unset', () => {
      const c = loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example', PORT: '' });
      expect(c.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
      expect(c.port).toBe(8080);
    });
    it('reads Google calendars only with credentials or a Calendar API URL', () => {
      expect(loadConfig({}).calendar).toEqual({ google: null, icsAllowPrivateHosts: false });
      expect(
        loadConfig({ CALENDAR_API_URL: 'http://127.0.0.1:9000', ICS_ALLOW_PRIVATE_HOSTS: 'true' })
          .calendar,
      ).toEqual({
        google: { credentialsFile: null, apiUrl: 'http://127.0.0.1:9000' },
        icsAllowPrivateHosts: true,
      });
      expect(() => loadConfig({ ICS_ALLOW_PRIVATE_HOSTS: 'maybe' })).toThrow(
        'ICS_ALLOW_PRIVATE_HOSTS must be true or false',
      );
    });
    it('sends the plan email over SMTP only with SMTP_URL and MAIL_FROM, or logs it', () => {
      expect(loadConfig({}).planEmail).toMatchObject({ mailer: 'off', cron: '*/5 * * * *' });
      expect(
        loadConfig({
          SMTP_URL: 'smtps://u:p@smtp.example.com:465',
          MAIL_FROM: 'MindFlow <p@example.com>',
        }).planEmail,
      ).toMatchObject({ mailer: 'smtp', smtpUrl: 'smtps://u:p@smtp.example.com:465' });
      expect(loadConfig({ MAILER: 'log', PLAN_EMAIL_CRON: '*/1 * * * *' }).planEmail).toMatchObject(
        {
          mailer: 'log',
          cron: '*/1 * * * *',
        },
      );
      expect(() => loadConfig({ SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(
        'MAIL_FROM is required to send email',
      );
      expect(() => loadConfig({ MAILER: 'smtp', MAIL_FROM: 'a@b.c' })).toThrow(
        'SMTP_URL is required when MAILER=smtp',
      );
      expect(() => loadConfig({ PLAN_EMAIL_CRON: 'every morning' })).toThrow(
        'PLAN_EMAIL_CRON must be a cron expression',
      );
      expect(() => loadConfig({ SMTP_URL: 'mail.example.com', MAIL_FROM: 'a@b.c' })).toThrow(
        'SMTP_URL must look like smtps://',
      );
    });
  });
});

describe('loadConfig: the assistant', () => {
  it('is offline without OPENAI_API_KEY, and names a bad OPENAI_BASE_URL', () => {
    expect(loadConfig({}).assistant).toEqual({ openai: null, rateLimitPerMinute: 20 });
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(
      /OPENAI_BASE_URL must be a URL/,
    );
    expect(() => loadConfig({ CHAT_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(
      /CHAT_RATE_LIMIT_PER_MINUTE must be at least 1/,
    );
  });

  it('uses any compatible endpoint, with the model, timeout, retries and token cap given', () => {
    const c = loadConfig({
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'llama3.1',
      OPENAI_TIMEOUT_MS: '5000',
      OPENAI_MAX_RETRIES: '0',
      OPENAI_MAX_TOKENS: '256',
    });
    expect(c.assistant.openai).toEqual({
      apiKey: 'sk-x',
      baseUrl: 'http://127.0.0.1:11434/v1',
      model: 'llama3.1',
      timeoutMs: 5000,
      maxRetries: 0,
      maxTokens: 256,
    });
  });
});
