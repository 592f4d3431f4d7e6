import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function logSome() {
  Logger.log('planned %s tasks', 3);
  console.warn('slow', { ms: 1200 });
  return Logger.getLog();
}
`;

describe('Logger / console', () => {
  describe('Logger.log', () => {
    it('formats like Apps Script and records lines with the execution that wrote them', () => {
      const app = inlineBundle(CODE);
      expect(app.run('logSome')).toBe('planned 3 tasks');
      expect(app.emulator.logs.messages()).toEqual(['planned 3 tasks', 'slow { ms: 1200 }']);
      expect(app.emulator.logs.lines[1]?.level).toBe('warn');
      expect(app.emulator.calls.Logger).toBe(2);
    });
  });
});
