import { describe, expect, it } from 'vitest';
import { IdempotencyStore } from '../operations/idempotency-store.ts';
import { openSqlite } from '../../test-support/databases.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { AccountRepository } from './account-repository.ts';

describe('AccountRepository', () => {
  describe('issueToken and findCaller', () => {
    it('expires login sessions, keeps personal tokens, and deletes expired sessions', async () => {
      const db = await openSqlite();
      let now = Date.parse('2026-01-01T00:00:00Z');
      const accounts = new AccountRepository(db, () => now);
      const user = (await accounts.createUser(
        'a@example.com',
        await hashPassword('long enough pw'),
      ))!;
      const session = await accounts.issueToken(user.id, 'session', 'login', 60_000);
      const personal = await accounts.issueToken(user.id, 'personal', 'gpt');
      expect((await accounts.findCaller(session.token))?.user.id).toBe(user.id);
      now += 61_000;
      expect(await accounts.findCaller(session.token)).toBeNull();
      expect((await accounts.findCaller(personal.token))?.settings.time_zone).toBe('UTC');
      expect(await accounts.deleteExpiredSessions()).toBe(1);
      expect((await accounts.listTokens(user.id)).map((t) => t.name)).toEqual(['gpt']);
      expect(await accounts.createUser('A@example.com', 'x')).toBeNull();
      await db.close();
    });
  });

  describe('verifyPassword', () => {
    it('accepts the password, refuses others and a missing hash', async () => {
      const hash = await hashPassword('correct horse battery');
      expect(await verifyPassword('correct horse battery', hash)).toBe(true);
      expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
      expect(await verifyPassword('', '')).toBe(false);
      expect(await verifyPassword('anything', null)).toBe(false);
    });
  });
});

describe('IdempotencyStore', () => {
  describe('purgeExpired', () => {
    it('forgets keys older than a day', async () => {
      const db = await openSqlite();
      let now = Date.parse('2026-01-01T00:00:00Z');
      const accounts = new AccountRepository(db, () => now);
      const user = (await accounts.createUser('b@example.com', ''))!;
      const keys = new IdempotencyStore(db, () => now);
      expect(await keys.claim(user.id, 'k', 'h')).toEqual({ kind: 'new' });
      await keys.complete(user.id, 'k', 200, { ok: 1 });
      expect(await keys.claim(user.id, 'k', 'h')).toMatchObject({
        kind: 'replay',
        body: { ok: 1 },
      });
      now += 25 * 3_600_000;
      expect(await keys.purgeExpired()).toBe(1);
      expect(await keys.claim(user.id, 'k', 'other')).toEqual({ kind: 'new' });
      await db.close();
    });
  });
});
