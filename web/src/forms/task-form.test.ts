import { describe, expect, it } from 'vitest';
import { intlTimeZone, ZonedCalendar, type Task } from '@mindflow/shared';
import { formFieldOf, formFromTask, patchFromForm, repeatPreview } from './task-form.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'America/New_York');

const task: Task = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Book flights',
  description: null,
  status: 'pending',
  priority: 3,
  due: '2026-03-13T19:30:00Z',
  effort_minutes: 30,
  preferred_time: null,
  tags: ['travel'],
  snoozed_until: null,
  repeat: null,
  created_at: '2026-03-10T14:00:00.000Z',
  updated_at: '2026-03-10T14:00:00.000Z',
  completed_at: null,
};

describe('task-form', () => {
  describe('formFromTask', () => {
    it('shows a timed due as the local date and time in the Sheet’s zone', () => {
      expect(formFromTask(task, calendar)).toEqual({
        title: 'Book flights',
        priority: '3',
        due_date: '2026-03-13',
        due_time: '15:30',
        effort_minutes: '30',
        preferred_time: '',
        tags: 'travel',
        repeat: '',
        description: '',
      });
    });

    it('shows a stored repeat rule in words when those words read back to the same rule', () => {
      const weekly = formFromTask({ ...task, repeat: 'FREQ=WEEKLY;BYDAY=MO' }, calendar);
      expect(weekly.repeat).not.toMatch(/FREQ/);
      expect(patchFromForm(weekly, { ...task, repeat: 'FREQ=WEEKLY;BYDAY=MO' }, calendar)).toEqual({
        ok: true,
        patch: {},
      });
    });
  });

  describe('patchFromForm', () => {
    const form = formFromTask(task, calendar);

    it('sends nothing for an untouched form, and only what changed otherwise', () => {
      expect(patchFromForm(form, task, calendar)).toEqual({ ok: true, patch: {} });
      expect(
        patchFromForm({ ...form, priority: '5', tags: 'travel,  family' }, task, calendar),
      ).toEqual({
        ok: true,
        patch: { priority: 5, tags: ['travel', 'family'] },
      });
    });

    it('writes the due with the zone’s offset, a date alone, or null when cleared', () => {
      const at = (due_date: string, due_time: string) =>
        patchFromForm({ ...form, due_date, due_time }, task, calendar);
      expect(at('2026-03-14', '09:00')).toEqual({
        ok: true,
        patch: { due: '2026-03-14T09:00:00-04:00' },
      });
      expect(at('2026-03-14', '')).toEqual({ ok: true, patch: { due: '2026-03-14' } });
      expect(at('', '')).toEqual({ ok: true, patch: { due: null } });
      expect(at('', '09:00')).toMatchObject({ ok: false, issues: [{ field: 'due' }] });
    });

    it('clears effort, time of day and notes with null, and leaves range checks to the core', () => {
      const cleared = { ...form, effort_minutes: '', description: ' ' };
      expect(patchFromForm(cleared, task, calendar)).toEqual({
        ok: true,
        patch: { effort_minutes: null },
      });
      expect(patchFromForm({ ...form, effort_minutes: '5000' }, task, calendar)).toEqual({
        ok: true,
        patch: { effort_minutes: 5000 },
      });
    });
  });

  describe('repeat', () => {
    const form = formFromTask(task, calendar);

    it('sends the phrase typed (the core stores its RRULE), and null when cleared', () => {
      expect(patchFromForm({ ...form, repeat: 'every monday' }, task, calendar)).toEqual({
        ok: true,
        patch: { repeat: 'every monday' },
      });
      const repeating = { ...task, repeat: 'FREQ=DAILY' };
      const cleared = { ...formFromTask(repeating, calendar), repeat: ' ' };
      expect(patchFromForm(cleared, repeating, calendar)).toEqual({
        ok: true,
        patch: { repeat: null },
      });
    });

    it('previews the rule in words, or says why it cannot be read', () => {
      expect(repeatPreview('')).toEqual({ ok: true, text: 'Does not repeat' });
      expect(repeatPreview('every monday')).toMatchObject({ ok: true, text: /^Repeats / });
      expect(repeatPreview('whenever I feel like it')).toMatchObject({ ok: false });
    });
  });

  describe('formFieldOf', () => {
    it('names the form field of a core issue', () => {
      expect(formFieldOf('tags.1')).toBe('tags');
      expect(formFieldOf('effort_minutes')).toBe('effort_minutes');
      expect(formFieldOf('')).toBeNull();
      expect(formFieldOf('status')).toBeNull();
    });
  });
});
