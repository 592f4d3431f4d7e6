import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  generateOpenApi,
  OPERATION_NAMES,
  priorityLabel,
  PRIORITIES_BY_IMPORTANCE,
  scoreOnScale,
} from '@mindflow/shared';
import { describe, expect, it } from 'vitest';
import { callWeb, setUpAddOn } from '../../test-support/add-on.ts';

const URL_ = 'https://script.google.com/macros/s/AKfyc-test/exec';
const INSTRUCTIONS = readFileSync(new URL('../../gpt/instructions.md', import.meta.url), 'utf8');
const MINDFLOW_BIN = fileURLToPath(new URL('../../../server/bin/mindflow.js', import.meta.url));

describe('connect-dialog', () => {
  describe('showConnectDialog', () => {
    it('opens the Connect ChatGPT dialog', () => {
      const { app } = setUpAddOn({ webAppUrl: URL_ });
      app.run('showConnectDialog');
      expect(app.emulator.ui.shown[0]).toMatchObject({ kind: 'modal', title: 'Connect ChatGPT' });
      // web/'s Lit dialog, bundled in: it mounts itself and calls getConnectInfo.
      const page = app.emulator.ui.shown[0]?.content ?? '';
      expect(page).toContain('createElement("mf-connect-dialog")');
      expect(page).toContain('getConnectInfo');
    });
  });

  describe('getConnectInfo', () => {
    it('gives the URL, the key, the schema for this deployment and the versioned instructions', () => {
      const { app, key } = setUpAddOn({ webAppUrl: URL_ });
      const info = app.run('getConnectInfo') as Record<string, unknown>;
      expect(info).toMatchObject({ url: URL_, deployed: true, key, instructions_version: '3' });
      expect(info.instructions).toBe(INSTRUCTIONS);
      expect(JSON.parse(String(info.schema))).toEqual(
        generateOpenApi({ style: 'apps-script', serverUrl: URL_, apiKey: key }),
      );
    });

    it('shows the same schema `npx mindflow gpt-schema --gas-url URL --key KEY` prints', () => {
      const { app, key } = setUpAddOn({ webAppUrl: URL_ });
      const info = app.run('getConnectInfo') as { schema: string };
      const cli = execFileSync(
        process.execPath,
        [MINDFLOW_BIN, 'gpt-schema', '--gas-url', URL_, '--key', key],
        { encoding: 'utf8' },
      );
      expect(JSON.parse(info.schema)).toEqual(JSON.parse(cli));
    });

    it('asks for a deployment while the script has no web app URL', () => {
      const { app } = setUpAddOn({ webAppUrl: '' });
      expect(app.run('getConnectInfo')).toMatchObject({ url: null, deployed: false, schema: null });
      const pasted = app.run('setWebAppUrl', URL_) as { deployed: boolean };
      expect(pasted.deployed).toBe(true);
      expect(() => app.run('setWebAppUrl', 'https://evil.example/exec')).toThrow('looks like');
    });
  });

  describe('setServerUrl', () => {
    it('keeps the hosted server’s https address and gives the MCP URL to paste', () => {
      const { app } = setUpAddOn({ webAppUrl: URL_ });
      expect(app.run('getConnectInfo')).toMatchObject({ server_url: null, mcp_url: null });
      expect(app.run('setServerUrl', ' https://tasks.example.com/mcp ')).toMatchObject({
        server_url: 'https://tasks.example.com',
        mcp_url: 'https://tasks.example.com/mcp',
        spreadsheet_id: app.emulator.spreadsheet().id,
      });
      expect(() => app.run('setServerUrl', 'http://tasks.example.com')).toThrow('https');
      expect(() => app.run('setServerUrl', 42)).toThrow('url must be text');
      expect(app.run('setServerUrl', '')).toMatchObject({ server_url: null, mcp_url: null });
    });
  });

  describe('rotateApiKey', () => {
    it('replaces the key: the old one stops working at once, the new one works', () => {
      const { app, key } = setUpAddOn({ webAppUrl: URL_ });
      const info = app.run('rotateApiKey') as { key: string; schema: string };
      expect(info.key).not.toBe(key);
      expect(info.schema).toContain(info.key);
      expect(callWeb(app, key, 'listTasks')).toMatchObject({ error: { code: 'unauthorized' } });
      expect(callWeb(app, info.key, 'listTasks')).toMatchObject({ ok: true });
    });
  });

  describe('gpt/instructions.md', () => {
    it('fits a Custom GPT (8,000 characters) and names every operation it may call', () => {
      expect(INSTRUCTIONS.length).toBeLessThan(8000);
      expect(INSTRUCTIONS.split('\n')[0]).toMatch(/version \d+/);
      for (const op of OPERATION_NAMES) expect(INSTRUCTIONS, op).toContain(op);
    });

    it('speaks of priorities in the notation every other surface shows (P1 highest … P5 lowest)', () => {
      for (const p of PRIORITIES_BY_IMPORTANCE) {
        expect(INSTRUCTIONS).toContain(`${p} = ${priorityLabel(p)}`);
      }
      expect(INSTRUCTIONS).toContain(`out of ${scoreOnScale(0).max}`);
    });
  });
});
