import { describe, expect, it } from 'vitest';
import { priorityFromWord } from './priority-words.ts';

describe('priority-words', () => {
  describe('priorityFromWord', () => {
    it('reads Todoist priorities, where p1 is the most urgent', () => {
      expect(['p1', 'p2', 'p3', 'p4', 'p5'].map(priorityFromWord)).toEqual([5, 4, 3, 2, 1]);
      expect(priorityFromWord('P1')).toBe(5);
    });

    it('reads a bare number on our own scale, where 5 is the most urgent', () => {
      expect(['1', '2', '3', '4', '5'].map(priorityFromWord)).toEqual([1, 2, 3, 4, 5]);
    });

    it('reads words with or without "!", in any case and with spaces around', () => {
      expect(priorityFromWord('!urgent')).toBe(5);
      expect(priorityFromWord('High')).toBe(4);
      expect(priorityFromWord(' !normal ')).toBe(3);
      expect(priorityFromWord('medium')).toBe(3);
      expect(priorityFromWord('!low')).toBe(2);
      expect(priorityFromWord('lowest')).toBe(1);
    });

    it('returns null for anything else', () => {
      for (const text of [
        '',
        'p0',
        'p6',
        'p9',
        '0',
        '6',
        '3.5',
        'soon',
        '!!high',
        'constructor',
        '__proto__',
      ]) {
        expect(priorityFromWord(text), text).toBeNull();
      }
    });
  });
});
