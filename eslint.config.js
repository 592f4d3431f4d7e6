// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'DriveApp',
  'CalendarApp',
  'MailApp',
  'GmailApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ContentService',
  'HtmlService',
  'Session',
  'Utilities',
  'ScriptApp',
  'UrlFetchApp',
  'Logger',
  'google',
];
const hostGlobals = [
  'process',
  'Buffer',
  'require',
  'module',
  '__dirname',
  '__filename',
  'global',
  'globalThis',
  'window',
  'document',
  'fetch',
  'crypto',
  'setTimeout',
  'setInterval',
  'console',
];

/** The pure core may import only itself and its pure dependencies. */
const sharedRestrictions = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['node:*'],
          message: 'shared/ is pure: no Node built-ins (it is bundled into Apps Script).',
        },
        {
          group: [
            'fs',
            'path',
            'os',
            'crypto',
            'http',
            'https',
            'child_process',
            'url',
            'util',
            'stream',
            'events',
          ],
          message: 'shared/ is pure: no Node built-ins.',
        },
        {
          group: [
            '@mindflow/server*',
            '@mindflow/apps-script*',
            '@mindflow/web*',
            '**/server/**',
            '**/apps-script/**',
            '**/web/**',
          ],
          message:
            'shared/ must not import host code: hosts depend on the core, never the other way round.',
        },
        {
          group: [
            'googleapis',
            'express',
            'pg',
            'openai',
            'nodemailer',
            'node-cron',
            'pino',
            'lit',
          ],
          message: 'shared/ is pure: I/O libraries belong in a host.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...[...appsScriptGlobals, ...hostGlobals].map((name) => ({
      name,
      message: `shared/ is pure: '${name}' is a host global. Pass the capability in through a port.`,
    })),
  ],
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts', 'shared/src/testing/**'],
    languageOptions: { globals: {} },
    rules: sharedRestrictions,
  },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts', '**/test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
