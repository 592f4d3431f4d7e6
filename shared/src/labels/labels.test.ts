import { describe, expect, it } from 'vitest';
import { priorityFromWord } from '../task/priority-words.ts';
import { DEFAULT_SCORING, maxScore } from '../scoring/scoring-config.ts';
import {
  priorityCode,
  priorityLabel,
  priorityScaleText,
  priorityWord,
  PRIORITIES_BY_IMPORTANCE,
} from './priority-label.ts';
import { scoreLabel, scoreOnScale } from './score-scale.ts';

describe('labels', () => {
  describe('priorityLabel', () => {
    it('shows stored 5 as P1 highest … stored 1 as P5 lowest, Todoist’s order', () => {
      expect(PRIORITIES_BY_IMPORTANCE.map(priorityLabel)).toEqual([
        'P1 highest',
        'P2 high',
        'P3 normal',
        'P4 low',
        'P5 lowest',
      ]);
      expect(priorityScaleText()).toBe('P1 highest, P2 high, P3 normal, P4 low, P5 lowest');
    });

    it('can be typed back: quick add and the Sheet read the code and the word as shown', () => {
      for (const p of PRIORITIES_BY_IMPORTANCE) {
        expect(priorityFromWord(priorityCode(p))).toBe(p);
        expect(priorityFromWord(priorityWord(p))).toBe(p);
      }
    });

    it('shows an out-of-range number as it is rather than inventing a label', () => {
      expect(priorityLabel(7)).toBe('7');
      expect(priorityCode(0)).toBe('0');
    });
  });

  describe('score-scale', () => {
    it('puts a score on the formula’s own scale', () => {
      expect(scoreOnScale(0).max).toBe(Math.round(maxScore(DEFAULT_SCORING)));
      expect(scoreLabel(107.25)).toBe('107 / 133');
      expect(scoreOnScale(maxScore()).fraction).toBe(1);
      expect(scoreOnScale(-1).fraction).toBe(0);
    });
  });
});
