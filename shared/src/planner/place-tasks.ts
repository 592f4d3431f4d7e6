import type { ScoredTask } from '../scoring/score-task.ts';
import type { Task } from '../task/task.schema.ts';
import type { Interval } from './intervals.ts';

// Rules 2–4 of docs/planning.md: each task, in order, takes the earliest free time that
// holds it — inside its preferred part of the day when possible, before its due instant when
// it has one today. Only a task no single gap can hold is split, into chunks no shorter than
// the minimum (Motion's and taskcheck's rule), because a task cut into many scraps is a task
// nobody starts. A task is placed whole or not at all, so the plan never claims progress on
// work it has not found time for.

const MINUTE_MS = 60_000;

export interface Candidate {
  scored: ScoredTask;
  /** The task as the caller gave it (the ranking may have seen a woken copy). */
  task: Task;
  minutes: number;
  /** False when `minutes` is the default for a task without an estimate. */
  estimated: boolean;
  /** Earliest start: the plan start, or the end of a snooze that ends during the day. */
  notBefore: number;
  /** When a snooze that ends during the planned day ends; null otherwise. */
  wakesAt: number | null;
  /** Latest end: a due instant still ahead, or null. */
  deadline: number | null;
  preferred: Interval | null;
}

export type PlaceMode = 'preferred' | 'earliest' | 'split';

export interface Placement {
  pieces: Interval[];
  mode: PlaceMode;
}

/** Free gaps worth offering a task: at least `minBlockMs` long. A fresh, mutable copy. */
export function usableSlots(free: readonly Interval[], minBlockMs: number): Interval[] {
  return free.filter((f) => f.end - f.start >= minBlockMs).map((f) => ({ ...f }));
}

function earliestFit(slots: readonly Interval[], need: number, lo: number, hi: number) {
  for (const slot of slots) {
    if (slot.start >= hi) break;
    const start = Math.max(slot.start, lo);
    if (Math.min(slot.end, hi) - start >= need) return start;
  }
  return null;
}

/** Greedy in time order; never leaves a remainder shorter than a chunk. */
function split(slots: readonly Interval[], need: number, lo: number, hi: number, chunk: number) {
  const pieces: Interval[] = [];
  let remaining = need;
  for (const slot of slots) {
    if (slot.start >= hi) break;
    const start = Math.max(slot.start, lo);
    const available = Math.min(slot.end, hi) - start;
    let take = Math.min(available, remaining);
    if (remaining - take > 0 && remaining - take < chunk) take = remaining - chunk;
    if (take < chunk) continue;
    pieces.push({ start, end: start + take });
    remaining -= take;
    if (remaining === 0) return pieces;
  }
  return null;
}

export function findPlacement(
  slots: readonly Interval[],
  c: Candidate,
  chunkMs: number,
): Placement | null {
  const need = c.minutes * MINUTE_MS;
  const lo = c.notBefore;
  const hi = c.deadline ?? Number.POSITIVE_INFINITY;
  if (c.preferred) {
    const start = earliestFit(
      slots,
      need,
      Math.max(lo, c.preferred.start),
      Math.min(hi, c.preferred.end),
    );
    if (start !== null) return { pieces: [{ start, end: start + need }], mode: 'preferred' };
  }
  const start = earliestFit(slots, need, lo, hi);
  if (start !== null) return { pieces: [{ start, end: start + need }], mode: 'earliest' };
  const pieces = split(slots, need, lo, hi, chunkMs);
  return pieces ? { pieces, mode: 'split' } : null;
}

/** Removes the pieces from the slots; leftovers shorter than `minBlockMs` are dropped. */
export function reserve(slots: Interval[], pieces: readonly Interval[], minBlockMs: number): void {
  for (const piece of pieces) {
    const i = slots.findIndex((s) => s.start <= piece.start && piece.end <= s.end);
    const slot = slots[i];
    if (!slot) throw new Error('reserve: a piece outside every free slot');
    const rest = [
      { start: slot.start, end: piece.start },
      { start: piece.end, end: slot.end },
    ].filter((r) => r.end - r.start >= minBlockMs);
    slots.splice(i, 1, ...rest);
  }
}

/** The free time a task could still use between `lo` and `hi`, in minutes. */
export function capacity(
  slots: readonly Interval[],
  lo: number,
  hi: number,
): { longest: number; total: number } {
  let longest = 0;
  let total = 0;
  for (const slot of slots) {
    const length = Math.min(slot.end, hi) - Math.max(slot.start, lo);
    if (length <= 0) continue;
    longest = Math.max(longest, length);
    total += length;
  }
  return { longest: longest / MINUTE_MS, total: total / MINUTE_MS };
}
