import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { validate as isValidCron } from 'node-cron';
import { z } from 'zod';

// The only module that reads process.env. Every setting is validated once at boot; a bad
// value stops the server with a message naming the variable.

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be 0–65535`)
    .max(65535, `${name} must be 0–65535`)
    .default(fallback);

const positive = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .default(fallback);

const flag = (name: string) =>
  z
    .enum(['true', 'false', '1', '0'], { error: `${name} must be true or false` })
    .default('false')
    .transform((v) => v === 'true' || v === '1');

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

const EnvSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'production', 'test'], {
        error: 'NODE_ENV must be development, production or test',
      })
      .default('development'),
    HOST: z.string().min(1, 'HOST must not be empty').default('127.0.0.1'),
    PORT: port('PORT', 8080),
    PUBLIC_URL: z
      .url({ error: 'PUBLIC_URL must be a URL like https://mindflow.example.com' })
      .optional(),
    DATA_DIR: z.string().min(1, 'DATA_DIR must not be empty').default('./data'),
    STORE: z
      .enum(['sqlite', 'postgres', 'sheets'], { error: 'STORE must be sqlite, postgres or sheets' })
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL must start with postgres:// (or leave it unset for SQLite)',
      )
      .optional(),
    SPREADSHEET_ID: z
      .string()
      .regex(/^[\w-]{10,}$/, 'SPREADSHEET_ID must be the id in the Sheet URL')
      .optional(),
    GOOGLE_APPLICATION_CREDENTIALS: z.string().min(1).optional(),
    SHEETS_API_URL: z.url({ error: 'SHEETS_API_URL must be a URL' }).optional(),
    CALENDAR_API_URL: z.url({ error: 'CALENDAR_API_URL must be a URL' }).optional(),
    ICS_ALLOW_PRIVATE_HOSTS: flag('ICS_ALLOW_PRIVATE_HOSTS'),
    MAILER: z.enum(['smtp', 'log', 'off'], { error: 'MAILER must be smtp, log or off' }).optional(),
    SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\/[^/]/,
        'SMTP_URL must look like smtps://user:password@smtp.example.com:465',
      )
      .optional(),
    MAIL_FROM: z
      .string()
      .regex(/@[^@\s>]+>?\s*$/, 'MAIL_FROM must be an address, like MindFlow <plan@example.com>')
      .optional(),
    PLAN_EMAIL_CRON: z
      .string()
      .refine(isValidCron, 'PLAN_EMAIL_CRON must be a cron expression like */5 * * * *')
      .default('*/5 * * * *'),
    CORS_ORIGINS: list,
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'BODY_LIMIT must look like 100kb or 1mb')
      .default('100kb'),
    RATE_LIMIT_PER_MINUTE: positive('RATE_LIMIT_PER_MINUTE', 600),
    AUTH_RATE_LIMIT_PER_15_MIN: positive('AUTH_RATE_LIMIT_PER_15_MIN', 30),
    TRUST_PROXY: z.coerce
      .number({ error: 'TRUST_PROXY must be the number of proxies in front (0 for none)' })
      .int()
      .min(0)
      .default(0),
    SESSION_TTL_DAYS: positive('SESSION_TTL_DAYS', 30),
    MAX_OPEN_TASKS_PER_USER: positive('MAX_OPEN_TASKS_PER_USER', 50_000),
    MAX_TOKENS_PER_USER: positive('MAX_TOKENS_PER_USER', 100),
    SHUTDOWN_TIMEOUT_MS: positive('SHUTDOWN_TIMEOUT_MS', 10_000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent',
      })
      .default('info'),
    LOG_FORMAT: z
      .enum(['json', 'pretty'], { error: 'LOG_FORMAT must be json or pretty' })
      .optional(),
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z
      .url({ error: 'OPENAI_BASE_URL must be a URL like http://127.0.0.1:11434/v1' })
      .optional(),
    OPENAI_MODEL: z.string().min(1, 'OPENAI_MODEL must not be empty').default('gpt-4o-mini'),
    OPENAI_TIMEOUT_MS: positive('OPENAI_TIMEOUT_MS', 30_000),
    OPENAI_MAX_RETRIES: z.coerce
      .number({ error: 'OPENAI_MAX_RETRIES must be a number' })
      .int('OPENAI_MAX_RETRIES must be a whole number')
      .min(0, 'OPENAI_MAX_RETRIES must be 0–10')
      .max(10, 'OPENAI_MAX_RETRIES must be 0–10')
      .default(2),
    OPENAI_MAX_TOKENS: positive('OPENAI_MAX_TOKENS', 1024),
    CHAT_RATE_LIMIT_PER_MINUTE: positive('CHAT_RATE_LIMIT_PER_MINUTE', 20),
  })
  .superRefine((env, ctx) => {
    const store = env.STORE ?? (env.DATABASE_URL ? 'postgres' : 'sqlite');
    if (store === 'postgres' && !env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'DATABASE_URL is required when STORE=postgres',
      });
    }
    const mailer = env.MAILER ?? (env.SMTP_URL ? 'smtp' : 'off');
    if (mailer === 'smtp' && !env.SMTP_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMTP_URL'],
        message: 'SMTP_URL is required when MAILER=smtp',
      });
    }
    if (mailer === 'smtp' && !env.MAIL_FROM) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'MAIL_FROM is required to send email (the address your SMTP server sends as)',
      });
    }
    if (store === 'sheets' && !env.SPREADSHEET_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['SPREADSHEET_ID'],
        message: 'SPREADSHEET_ID is required when STORE=sheets',
      });
    }
  });

export type StoreKind = 'sqlite' | 'postgres' | 'sheets';

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | null;
  dataDir: string;
  store: StoreKind;
  databaseUrl: string | null;
  sheets: { spreadsheetId: string; credentialsFile: string | null; apiUrl: string | null } | null;
  calendar: {
    /** Null when this server cannot read Google calendars (no credentials, no fake API). */
    google: { credentialsFile: string | null; apiUrl: string | null } | null;
    /** Whether ICS feeds on loopback and private addresses may be fetched (development). */
    icsAllowPrivateHosts: boolean;
  };
  planEmail: {
    /** smtp: send; log: write to the log instead (development); off: no schedule. */
    mailer: 'smtp' | 'log' | 'off';
    smtpUrl: string | null;
    from: string;
    cron: string;
  };
  corsOrigins: string[];
  bodyLimit: string;
  rateLimitPerMinute: number;
  authRateLimitPer15Min: number;
  trustProxy: number;
  sessionTtlDays: number;
  /** Open tasks one user may have: creating or reopening past it answers 409. */
  maxOpenTasksPerUser: number;
  /** Live tokens (sessions and API tokens) one user may hold: minting past it answers 409. */
  maxTokensPerUser: number;
  shutdownTimeoutMs: number;
  logLevel: string;
  logFormat: 'json' | 'pretty';
  assistant: {
    /** null without OPENAI_API_KEY: the offline assistant answers. */
    openai: {
      apiKey: string;
      baseUrl: string | null;
      model: string;
      timeoutMs: number;
      maxRetries: number;
      maxTokens: number;
    } | null;
    rateLimitPerMinute: number;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the configuration; throws ConfigError listing every bad variable. */
/**
 * Loads a .env file into process.env when it exists (variables already set win), and says
 * nothing when it does not: `node --env-file-if-exists` printed "not found" on every start.
 */
export function loadEnvFileIfPresent(file: URL | string): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? 'environment');
      return i.message.includes(name) ? i.message : `${name}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? null,
    dataDir: resolve(e.DATA_DIR),
    store: e.STORE ?? (e.DATABASE_URL ? 'postgres' : 'sqlite'),
    databaseUrl: e.DATABASE_URL ?? null,
    sheets: e.SPREADSHEET_ID
      ? {
          spreadsheetId: e.SPREADSHEET_ID,
          credentialsFile: e.GOOGLE_APPLICATION_CREDENTIALS ?? null,
          apiUrl: e.SHEETS_API_URL ?? null,
        }
      : null,
    calendar: {
      google:
        e.GOOGLE_APPLICATION_CREDENTIALS || e.CALENDAR_API_URL
          ? {
              credentialsFile: e.GOOGLE_APPLICATION_CREDENTIALS ?? null,
              apiUrl: e.CALENDAR_API_URL ?? null,
            }
          : null,
      icsAllowPrivateHosts: e.ICS_ALLOW_PRIVATE_HOSTS,
    },
    planEmail: {
      mailer: e.MAILER ?? (e.SMTP_URL ? 'smtp' : 'off'),
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? 'MindFlow <mindflow@localhost>',
      cron: e.PLAN_EMAIL_CRON,
    },
    corsOrigins: e.CORS_ORIGINS,
    bodyLimit: e.BODY_LIMIT.toLowerCase(),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authRateLimitPer15Min: e.AUTH_RATE_LIMIT_PER_15_MIN,
    trustProxy: e.TRUST_PROXY,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    maxOpenTasksPerUser: e.MAX_OPEN_TASKS_PER_USER,
    maxTokensPerUser: e.MAX_TOKENS_PER_USER,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'pretty'),
    assistant: {
      openai: e.OPENAI_API_KEY
        ? {
            apiKey: e.OPENAI_API_KEY,
            baseUrl: e.OPENAI_BASE_URL ?? null,
            model: e.OPENAI_MODEL,
            timeoutMs: e.OPENAI_TIMEOUT_MS,
            maxRetries: e.OPENAI_MAX_RETRIES,
            maxTokens: e.OPENAI_MAX_TOKENS,
          }
        : null,
      rateLimitPerMinute: e.CHAT_RATE_LIMIT_PER_MINUTE,
    },
  };
}

/** The Google settings the migrate CLI needs for a sheets: endpoint. */
export function loadSheetsConnection(source: Record<string, string | undefined> = process.env): {
  credentialsFile: string | null;
  apiUrl: string | null;
} {
  const parsed = z
    .object({
      GOOGLE_APPLICATION_CREDENTIALS: z.string().min(1).optional(),
      SHEETS_API_URL: z.url({ error: 'SHEETS_API_URL must be a URL' }).optional(),
    })
    .safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message).join('; '));
  return {
    credentialsFile: parsed.data.GOOGLE_APPLICATION_CREDENTIALS ?? null,
    apiUrl: parsed.data.SHEETS_API_URL ?? null,
  };
}
