import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { createContext, runInContext } from 'node:vm';
import { fileURLToPath } from 'node:url';

// The proof that shared/ is pure: bundled on its own with no platform, it needs no Node
// built-in and no host global, and it runs in a bare V8 context that has only ECMAScript.
describe('shared core purity', () => {
  it('bundles without Node built-ins and runs in an empty JavaScript context', async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL('./index.ts', import.meta.url))],
      bundle: true,
      write: false,
      platform: 'neutral',
      mainFields: ['module', 'main'],
      format: 'iife',
      globalName: 'MindFlowCore',
      target: 'es2020',
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).not.toMatch(/\brequire\(\s*["']/);
    expect(code).not.toMatch(/["']node:/);

    const context = createContext({});
    runInContext(code, context);
    const probe = runInContext(
      `(() => {
        const M = MindFlowCore;
        const calendar = new M.ZonedCalendar(M.intlTimeZone, 'Asia/Kolkata');
        const now = Date.parse('2026-11-25T09:00:00+05:30');
        const task = { id: '00000000-0000-4000-8000-000000000001', title: 'Morning review', description: null,
          status: 'pending', priority: 3, due: '2026-11-25', effort_minutes: 15, preferred_time: 'morning',
          tags: [], snoozed_until: null, repeat: null, created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-01T00:00:00.000Z', completed_at: null };
        const store = new M.MemoryTaskStore([task]);
        const service = new M.TaskService({ store, clock: () => now, newId: () => 'x', timeZone: M.intlTimeZone, zone: 'Asia/Kolkata' });
        return JSON.stringify([M.rankTasks([task], { now, calendar })[0].score, service.executeSync('getBestTask', {}).data.score]);
      })()`,
      context,
    );
    expect(JSON.parse(probe as string)).toEqual([88, 88]);
  });
});
