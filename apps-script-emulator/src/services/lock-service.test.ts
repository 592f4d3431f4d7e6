import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function tryScriptLock(ms) { var lock = LockService.getScriptLock(); var got = lock.tryLock(ms); return [got, lock.hasLock(), Date.now()]; }
function waitScriptLock(ms) { LockService.getScriptLock().waitLock(ms); return Date.now(); }
function lockAndRelease() { var lock = LockService.getScriptLock(); lock.waitLock(1000); lock.releaseLock(); return lock.hasLock(); }
function twoLockObjects() { var a = LockService.getScriptLock(); var b = LockService.getScriptLock(); a.waitLock(100); return [b.tryLock(100), a.tryLock(0)]; }
function documentAndUserLocks() { return [LockService.getDocumentLock().tryLock(0), LockService.getUserLock().tryLock(0)]; }
function holdForever() { LockService.getScriptLock().waitLock(1000); }
`;

const START = Date.parse('2026-03-02T12:00:00Z');

function setup() {
  return inlineBundle(CODE, { now: START });
}

describe('LockService', () => {
  describe('Lock.tryLock', () => {
    it('acquires a free lock at once', () => {
      expect(setup().run('tryScriptLock', 5000)).toEqual([true, true, START]);
    });

    it('gives up after the timeout while another execution holds the lock, and time passes', () => {
      const app = setup();
      app.emulator.locks.holdBy('other');
      expect(app.run('tryScriptLock', 5000)).toEqual([false, false, START + 5000]);
      expect(app.emulator.locks.holder()).toBe('other');
    });

    it('gets the lock when the other execution lets go within the timeout', () => {
      const app = setup();
      app.emulator.locks.holdBy('other', { releaseAfterMs: 2000 });
      expect(app.run('tryScriptLock', 5000)).toEqual([true, true, START + 2000]);
    });

    it('treats two Lock objects of one execution as contenders (locks are not re-entrant across objects)', () => {
      expect(setup().run('twoLockObjects')).toEqual([false, true]);
    });

    it('keeps document and user locks separate from the script lock', () => {
      const app = setup();
      app.emulator.locks.holdBy('other', { scope: 'script' });
      expect(app.run('documentAndUserLocks')).toEqual([true, true]);
      app.emulator.locks.holdBy('other', { scope: 'document' });
      expect(app.run('documentAndUserLocks')).toEqual([false, true]);
    });
  });

  describe('Lock.waitLock', () => {
    it('throws Apps Script timeout error when the lock stays taken', () => {
      const app = setup();
      app.emulator.locks.holdBy('other');
      expect(() => app.run('waitScriptLock', 10_000)).toThrow(
        'Lock timeout: another process was holding the lock for too long.',
      );
      expect(app.emulator.clock.now()).toBe(START + 10_000);
    });

    it('returns once the holder releases', () => {
      const app = setup();
      app.emulator.locks.holdBy('other', { releaseAfterMs: 300 });
      expect(app.run('waitScriptLock', 10_000)).toBe(START + 300);
    });
  });

  describe('Lock.releaseLock', () => {
    it('frees the lock for the next caller', () => {
      const app = setup();
      expect(app.run('lockAndRelease')).toBe(false);
      expect(app.emulator.locks.holder()).toBeNull();
    });
  });

  describe('executions', () => {
    it('release what they hold when they end', () => {
      const app = setup();
      app.run('holdForever');
      expect(app.emulator.locks.holder()).toBeNull();
      expect((app.run('tryScriptLock', 0) as unknown[])[0]).toBe(true);
    });

    it('contend with each other while both are running', () => {
      const app = setup();
      const first = app.execution();
      first.call('holdForever');
      expect((app.run('tryScriptLock', 1000) as unknown[])[0]).toBe(false);
      first.end();
      expect((app.run('tryScriptLock', 1000) as unknown[])[0]).toBe(true);
    });
  });
});
