import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSheet, deploy, DEPLOYMENT_DESCRIPTION, projectFile, push } from './clasp.ts';

// A stand-in for clasp: records its arguments and answers like clasp 3 does with --json.
const FAKE_CLASP = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_CLASP_LOG, JSON.stringify({ cwd: process.cwd(), args }) + '\\n');
if (args.includes('deployments')) process.stdout.write(process.env.FAKE_DEPLOYMENTS || '[]');
else if (args.includes('deploy')) process.stdout.write(JSON.stringify({ deploymentId: args.includes('-i') ? args[args.indexOf('-i') + 1] : 'AKfyc-new' }));
else if (args.includes('create')) fs.writeFileSync(path.join(process.cwd(), '.clasp.json'), JSON.stringify({ scriptId: 'script-123', parentId: ['sheet-9'] }));
else process.stdout.write('Pushed 6 files.\\n');
`;

let root: string;
let log: string;
/** This temporary repository, with the stand-in clasp. */
let target: { root: string; bin: string };

function calls(): { cwd: string; args: string[] }[] {
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { cwd: string; args: string[] });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'mindflow-repo-'));
  log = join(root, 'clasp.log');
  writeFileSync(log, '');
  const bin = join(root, 'fake-clasp.cjs');
  writeFileSync(bin, FAKE_CLASP);
  chmodSync(bin, 0o755);
  target = { root, bin };
  process.env.FAKE_CLASP_LOG = log;
  writeFileSync(
    join(root, '.clasp.json'),
    JSON.stringify({ scriptId: '', rootDir: 'apps-script/dist' }),
  );
  mkdirSync(join(root, 'apps-script', 'dist'), { recursive: true });
  writeFileSync(join(root, 'apps-script', 'dist', 'Code.js'), '// built');
});

afterEach(() => {
  delete process.env.FAKE_DEPLOYMENTS;
});

describe('clasp', () => {
  describe('projectFile', () => {
    it('asks for a script when neither project file names one', () => {
      expect(() => projectFile(root)).toThrow('npm run create-sheet');
    });

    it('prefers the git-ignored .clasp.local.json and insists on rootDir apps-script/dist', () => {
      writeFileSync(
        join(root, '.clasp.local.json'),
        JSON.stringify({ scriptId: 's', rootDir: 'apps-script/dist' }),
      );
      expect(projectFile(root)).toBe(join(root, '.clasp.local.json'));
      writeFileSync(
        join(root, '.clasp.local.json'),
        JSON.stringify({ scriptId: 's', rootDir: '.' }),
      );
      expect(() => projectFile(root)).toThrow('rootDir must be "apps-script/dist"');
    });
  });

  describe('push', () => {
    it('pushes the build with the manifest forced', () => {
      writeFileSync(
        join(root, '.clasp.local.json'),
        JSON.stringify({ scriptId: 's', rootDir: 'apps-script/dist' }),
      );
      push(target);
      expect(calls()[0]?.args).toEqual(['-P', join(root, '.clasp.local.json'), 'push', '--force']);
    });
  });

  describe('deploy', () => {
    beforeEach(() => {
      writeFileSync(
        join(root, '.clasp.local.json'),
        JSON.stringify({ scriptId: 's', rootDir: 'apps-script/dist' }),
      );
    });

    it('creates the web-app deployment the first time', () => {
      expect(deploy(target)).toBe('https://script.google.com/macros/s/AKfyc-new/exec');
      expect(calls()[1]?.args.slice(2)).toEqual(['--json', 'deploy', '-d', DEPLOYMENT_DESCRIPTION]);
    });

    it('updates the existing deployment afterwards, keeping its URL', () => {
      process.env.FAKE_DEPLOYMENTS = JSON.stringify([
        { deploymentId: 'AKfyc-head', description: undefined },
        { deploymentId: 'AKfyc-kept', description: DEPLOYMENT_DESCRIPTION, versionNumber: 3 },
      ]);
      expect(deploy(target)).toBe('https://script.google.com/macros/s/AKfyc-kept/exec');
      expect(calls()[1]?.args.slice(-2)).toEqual(['-i', 'AKfyc-kept']);
    });
  });

  describe('createSheet', () => {
    it('creates a Sheet-bound script outside the repo and records it in .clasp.local.json', () => {
      createSheet('My tasks', target);
      const [call] = calls();
      expect(call?.args).toEqual(['create', '--type', 'sheets', '--title', 'My tasks']);
      expect(call?.cwd).not.toBe(root);
      expect(JSON.parse(readFileSync(join(root, '.clasp.local.json'), 'utf8'))).toEqual({
        scriptId: 'script-123',
        parentId: ['sheet-9'],
        rootDir: 'apps-script/dist',
      });
      expect(() => createSheet('Again', target)).toThrow('exists already');
    });
  });
});
