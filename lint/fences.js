// @ts-check
// The architecture's fences as ESLint rules; eslint.config.js spreads FENCES in. Every import
// is resolved to the file it reaches, so a fence holds however the path is spelled
// ('../../server/src/x.ts', '@mindflow/server', a symlink). lint/fences.test.ts proves each
// fence by linting a deliberate offender. Import cycles, which must count type-only imports
// too, are dependency-cruiser's job (lint/dependency-cruiser.mjs).
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The hosts: each runs the core its own way, and none reaches into another's code. */
const HOSTS = ['apps-script', 'server', 'web'];

/** Below the hosts: the core, the emulator (which must not know the add-on) and the template. */
const LOWER = ['shared', 'apps-script-emulator', 'sheets-template'];

/** @typedef {import('eslint').Linter.RulesRecord} Rules */
/** @typedef {{ target: string, from: string, message: string }} Zone */

/**
 * A host's code, as other workspaces may not import it. web/build.ts stays outside: it is
 * how another host embeds web's pages (the add-on's Sidebar.html) without importing them.
 */
/** @type {Record<string, string[]>} */
const HOST_CODE = {
  'apps-script': ['apps-script/**'],
  server: ['server/**'],
  web: ['web/src/**', 'web/test/**'],
};

/** Code that exists only for tests; production source never imports it. */
const TEST_SUPPORT = [
  { from: 'apps-script-emulator/**', what: 'the Apps Script emulator' },
  { from: '**/test-support/**', what: 'test support' },
  { from: 'shared/src/testing/**', what: 'shared/testing (contract suites, factories)' },
  { from: 'web/test/**', what: "web's test harness" },
];

/**
 * What ships in a bundle or runs in production, per workspace (the emulator is all test code).
 * @type {Record<string, string[]>}
 */
const PRODUCTION = {
  'apps-script': ['apps-script/src/**/*.ts'],
  server: ['server/src/**/*.ts', 'server/bin/**/*.ts'],
  web: ['web/src/**/*.ts'],
  shared: ['shared/src/**/*.ts'],
  'sheets-template': ['sheets-template/**/*.ts'],
};
const NOT_PRODUCTION = ['**/*.test.ts', '**/test-support/**', 'shared/src/testing/**'];

/**
 * Files linted under the block may not import from `from` (a glob from the repository root).
 * @param {string} from
 * @param {string} message
 * @returns {Zone}
 */
function zone(from, message) {
  return { target: ROOT, from, message };
}

/**
 * @param {string} workspace
 * @returns {Zone[]}
 */
function workspaceZones(workspace) {
  const message = HOSTS.includes(workspace)
    ? (/** @type {string} */ host) =>
        `${workspace}/ must not import ${host}/: hosts share code only through shared/.`
    : (/** @type {string} */ host) =>
        `${workspace}/ sits below the hosts and must not import ${host}/: the arrows point down from the hosts, never up.`;
  return HOSTS.filter((host) => host !== workspace).flatMap((host) =>
    (HOST_CODE[host] ?? []).map((from) => zone(from, message(host))),
  );
}

const TEST_SUPPORT_ZONES = TEST_SUPPORT.map(({ from, what }) =>
  zone(from, `Production source must not import ${what}: it exists for tests only.`),
);

/**
 * @param {Zone[]} zones
 * @returns {Rules}
 */
const restrict = (zones) => ({
  'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
});

/** A test server listens through one helper, which also fails on a listen error. */
const FREE_PORT = [
  {
    selector: "CallExpression[callee.property.name='listen'][arguments.0.value=0]",
    message:
      "Use listenOnFreePort(server) from '@mindflow/shared/testing' instead of another listen(0, …).",
  },
];

const PROCESS_ENV = [
  {
    selector: "MemberExpression[property.name='env'][object.property.name='process']",
    message: 'Only server/src/config/env.ts reads process.env.',
  },
  {
    selector:
      "ImportDeclaration[source.value=/^(node:)?process$/] > ImportSpecifier[imported.name='env']",
    message: 'Only server/src/config/env.ts reads process.env.',
  },
];

/** @type {import('eslint').Linter.Config[]} */
export const FENCES = [
  ...[...HOSTS, ...LOWER].map((workspace) => ({
    name: `fences/${workspace}`,
    files: [`${workspace}/**/*.{ts,js,mjs}`],
    rules: restrict(workspaceZones(workspace)),
  })),
  // ESLint takes the last matching setting of a rule whole, so production blocks repeat
  // their workspace's zones and add test support.
  ...Object.entries(PRODUCTION).map(([workspace, files]) => ({
    name: `fences/${workspace}-production`,
    files,
    ignores: NOT_PRODUCTION,
    rules: restrict([...workspaceZones(workspace), ...TEST_SUPPORT_ZONES]),
  })),
  // ESLint takes the last matching no-restricted-syntax whole, hence the two lists.
  {
    name: 'fences/free-port',
    files: ['**/*.{ts,js,mjs}'],
    ignores: ['shared/src/testing/listen-on-free-port.ts'],
    rules: { 'no-restricted-syntax': ['error', ...FREE_PORT] },
  },
  {
    name: 'fences/process-env',
    files: ['**/*.{ts,js,mjs}'],
    // Tests and their support read their own knobs (MINDFLOW_TEST_PG_URL, CHROMIUM_PATH, CI).
    ignores: [
      'server/src/config/env.ts',
      // TZ, COLUMNS, NO_COLOR, FORCE_COLOR: the CLI's terminal conventions, not settings.
      'server/src/config/terminal-env.ts',
      '**/*.test.ts',
      '**/test-support/**',
      // The test run's own TMPDIR, set once for every worker it starts.
      '**/vitest.global-setup.ts',
      'shared/src/testing/**',
      'web/test/**',
      '**/bench/**',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'Only server/src/config/env.ts reads process.env, once, at boot: take the value from its Config.',
        },
      ],
      'no-restricted-syntax': ['error', ...FREE_PORT, ...PROCESS_ENV],
    },
  },
];
