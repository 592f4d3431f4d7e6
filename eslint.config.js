// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import { FENCES } from './lint/fences.js';

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
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    // Imports are resolved as Node resolves them (workspace symlinks, package exports), so the
    // fences below judge the file an import reaches, however its path is spelled.
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A suppressed type error must say why (STYLE: no @ts-ignore without a reason).
      '@typescript-eslint/ban-ts-comment': [
        'error',
        {
          'ts-expect-error': 'allow-with-description',
          'ts-ignore': 'allow-with-description',
          'ts-nocheck': 'allow-with-description',
          'ts-check': false,
          minimumDescriptionLength: 10,
        },
      ],
    },
  },
  {
    files: ['shared/src/**/*.ts'],
    ignores: ['shared/src/**/*.test.ts', 'shared/src/testing/**'],
    languageOptions: { globals: {} },
    rules: sharedRestrictions,
  },
  ...FENCES,
  // Lit components (STYLE: one element per file, file name = tag name, static styles).
  {
    files: ['web/src/**/*.ts'],
    ignores: ['web/src/**/*.test.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['web/src/**/*.ts'],
    ignores: ['web/src/**/*.test.ts'],
    ...wc.configs['flat/best-practice'],
  },
  {
    files: ['web/src/**/*.ts'],
    ignores: ['web/src/**/*.test.ts'],
    rules: {
      'lit/attribute-names': 'error',
      'lit/lifecycle-super': 'error',
      'lit/no-classfield-shadowing': 'error',
      'lit/no-invalid-escape-sequences': 'error',
      'lit/no-legacy-imports': 'error',
      'lit/no-native-attributes': 'error',
      'lit/no-template-bind': 'error',
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/no-value-attribute': 'error',
      'lit/prefer-static-styles': 'error',
      'lit/value-after-constraints': 'error',
      'wc/define-tag-after-class-definition': 'error',
      'wc/file-name-matches-element': 'error',
      'wc/max-elements-per-file': 'error',
      'wc/tag-name-matches-class': 'error',
    },
    // eslint-plugin-wc looks for lit with require(), which its ES module build lacks: name
    // the base class, or it would see no element at all.
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
  },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts', '**/test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
