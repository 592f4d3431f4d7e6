import { describe, expect, it } from 'vitest';
import { loadBundle } from '../emulator/index.ts';
import { DIST_CODE_JS } from '../test-support/dist-path.ts';

describe('web-app', () => {
  describe('doGet', () => {
    it('answers the JSON envelope naming the service', () => {
      const res = loadBundle(DIST_CODE_JS).doGet({ query: { action: 'ping' } });
      expect(res.mimeType).toBe('application/json');
      expect(res.json()).toEqual({ ok: true, data: { service: 'mindflow' } });
    });
  });
});
