import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  discoverAuthorizationServerMetadata,
  exchangeAuthorization,
  refreshAuthorization,
  startAuthorization,
  UnauthorizedError,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { neededInCi } from '@mindflow/shared/testing';
import {
  CallbackServer,
  INITIALIZE,
  MemoryOAuthClient,
  postForm,
} from '../../test-support/oauth-client.ts';
import { resultOfToolCall } from '../../test-support/mcp-transport.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// The whole sign-in an assistant does, with the SDK's own client-side auth and the real
// consent page in Chromium: 401 → discovery → registration → authorize (sign in, allow) →
// token → tools/call → refresh → reuse of the old refresh token revokes → revocation → 401.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = neededInCi(
  'Chromium',
  existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM}`,
);
const SHOTS = process.env.MINDFLOW_SCREENSHOTS;
const PASSWORD = 'correct horse battery';

async function mcpStatus(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/mcp`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: INITIALIZE,
  });
  await res.text();
  return res.status;
}

describe.skipIf(!hasChromium)(
  `OAuth sign-in of an MCP client${hasChromium ? '' : ` — SKIPPED: no Chromium at ${CHROMIUM}`}`,
  () => {
    let s: TestServer;
    let browser: Browser;
    const callback = new CallbackServer();
    const email = `oauth-${Date.now()}@example.com`;
    let session: string;

    beforeAll(async () => {
      s = await startTestServer();
      session = (await s.register({ email, time_zone: 'Europe/Berlin' })).token;
      await callback.start();
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await callback.stop();
      await s?.close();
    });

    /** Opens the authorization URL, signs in and presses a button; answers the callback query. */
    async function consentInBrowser(url: URL, button: 'allow' | 'deny', shot?: string) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      // A CSP violation (an inline script, a blocked redirect) shows as a console error; the
      // 401 of the wrong password and the missing favicon are expected.
      page.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
          problems.push(m.text());
        }
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(url.href);
      const text = await page.locator('main').innerText();
      expect(text).toContain('Allow Test Assistant to use your MindFlow account?');
      expect(text).toContain('Read your tasks');
      expect(text).toContain('Change your tasks');
      if (SHOTS && shot) {
        await page.screenshot({ path: `${SHOTS}/${shot}-1280.png`, fullPage: true });
        await page.setViewportSize({ width: 360, height: 740 });
        await page.screenshot({ path: `${SHOTS}/${shot}-360.png`, fullPage: true });
      }
      const hits = callback.hits.length;
      if (button === 'allow') {
        await page.fill('#email', email);
        await page.fill('#password', 'wrong password here');
        await page.click('button[value=allow]');
        await expect.poll(() => page.locator('.error').textContent()).toContain('wrong');
        await page.fill('#password', PASSWORD);
        await page.click('button[value=allow]');
      } else {
        await page.click('button[value=deny]');
      }
      await expect.poll(() => callback.hits.length, { timeout: 15_000 }).toBe(hits + 1);
      expect(problems).toEqual([]);
      await page.close();
      return callback.hits[hits]!;
    }

    it('signs in from the 401 to a tool call, refreshes, catches a reused refresh token, and revokes', async () => {
      const mcpUrl = new URL('/mcp', s.url);
      // The 401 names where discovery starts.
      const bare = await fetch(mcpUrl, { method: 'POST', body: INITIALIZE });
      expect(bare.status).toBe(401);
      expect(bare.headers.get('www-authenticate')).toContain(
        `resource_metadata="${s.url}/.well-known/oauth-protected-resource/mcp"`,
      );

      const provider = new MemoryOAuthClient(callback.url);
      const first = new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider });
      await expect(new Client({ name: 't', version: '1' }).connect(first)).rejects.toThrow(
        UnauthorizedError,
      );
      expect(provider.info?.client_id).toBeTruthy(); // registered dynamically
      const authUrl = provider.authorizationUrl!;
      expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authUrl.searchParams.get('resource')).toBe(mcpUrl.href);

      const back = await consentInBrowser(authUrl, 'allow', 'oauth-consent');
      const code = back.get('code')!;
      expect(code).toBeTruthy();
      await first.finishAuth(code);
      const tokens = provider.saved!;
      expect(tokens.expires_in).toBeLessThanOrEqual(3600);

      // Signed in: the assistant adds a task and asks what to do next, as REST answers.
      const client = new Client({ name: 't', version: '1' });
      await client.connect(new StreamableHTTPClientTransport(mcpUrl, { authProvider: provider }));
      const added = resultOfToolCall(
        (await client.callTool({
          name: 'quickAddTask',
          arguments: { text: 'call mom tomorrow 5pm' },
        })) as CallToolResult,
      );
      expect(added).toMatchObject({ ok: true, data: { task: { title: 'call mom' } } });
      const best = resultOfToolCall(
        (await client.callTool({ name: 'getBestTask', arguments: {} })) as CallToolResult,
      );
      const rest = await fetch(`${s.url}/api/tasks/best`, {
        headers: { authorization: `Bearer ${session}` },
      });
      expect(best).toEqual({ ok: true, data: await rest.json() });
      await client.close();

      // The account lists the app, with what it may do.
      const me = (await (
        await fetch(`${s.url}/api/me`, { headers: { authorization: `Bearer ${session}` } })
      ).json()) as { connected_apps: { name: string; scopes: string[]; last_used_at: string }[] };
      expect(me.connected_apps).toEqual([
        expect.objectContaining({
          name: 'Test Assistant',
          scopes: ['tasks:read', 'tasks:write'],
          last_used_at: expect.any(String),
        }),
      ]);

      // Refresh rotates: the new pair works, the old refresh token is spent.
      const metadata = await discoverAuthorizationServerMetadata(s.url);
      const revocationEndpoint = String((metadata as Record<string, unknown>).revocation_endpoint);
      const refreshed = await refreshAuthorization(s.url, {
        metadata: metadata!,
        clientInformation: provider.info!,
        refreshToken: tokens.refresh_token!,
        resource: mcpUrl,
      });
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
      expect(await mcpStatus(s.url, refreshed.access_token)).toBe(200);
      // Presenting the spent one again means it leaked: the whole family goes.
      await expect(
        refreshAuthorization(s.url, {
          metadata: metadata!,
          clientInformation: provider.info!,
          refreshToken: tokens.refresh_token!,
          resource: mcpUrl,
        }),
      ).rejects.toThrow(/already used/);
      expect(await mcpStatus(s.url, refreshed.access_token)).toBe(401);
      await expect(
        refreshAuthorization(s.url, {
          metadata: metadata!,
          clientInformation: provider.info!,
          refreshToken: refreshed.refresh_token!,
          resource: mcpUrl,
        }),
      ).rejects.toThrow(/invalid_grant|unknown, revoked/);

      // Connect again (the page again), then revoke the access token: 401 at once.
      const { authorizationUrl, codeVerifier } = await startAuthorization(s.url, {
        metadata: metadata!,
        clientInformation: provider.info!,
        redirectUrl: callback.url,
        resource: mcpUrl,
      });
      const again = await consentInBrowser(authorizationUrl, 'allow');
      const second = await exchangeAuthorization(s.url, {
        metadata: metadata!,
        clientInformation: provider.info!,
        authorizationCode: again.get('code')!,
        codeVerifier,
        redirectUri: callback.url,
        resource: mcpUrl,
      });
      expect(await mcpStatus(s.url, second.access_token)).toBe(200);
      const revoked = await postForm(revocationEndpoint, {
        token: second.access_token,
        client_id: provider.info!.client_id,
      });
      expect(revoked.status).toBe(200);
      expect(await mcpStatus(s.url, second.access_token)).toBe(401);
      // Revoking the refresh token disconnects the app.
      await postForm(revocationEndpoint, {
        token: second.refresh_token!,
        client_id: provider.info!.client_id,
      });
      const apps = (await (
        await fetch(`${s.url}/api/connected-apps`, {
          headers: { authorization: `Bearer ${session}` },
        })
      ).json()) as { apps: unknown[] };
      expect(apps.apps).toEqual([]);
    }, 120_000);

    it('sends Deny back to the app as access_denied, and issues nothing', async () => {
      const provider = new MemoryOAuthClient(callback.url);
      const transport = new StreamableHTTPClientTransport(new URL('/mcp', s.url), {
        authProvider: provider,
      });
      await expect(new Client({ name: 't', version: '1' }).connect(transport)).rejects.toThrow(
        UnauthorizedError,
      );
      const back = await consentInBrowser(provider.authorizationUrl!, 'deny');
      expect(back.get('error')).toBe('access_denied');
      expect(back.get('code')).toBeNull();
      expect(back.get('state')).toBe(provider.authorizationUrl!.searchParams.get('state'));
    }, 60_000);
  },
);
