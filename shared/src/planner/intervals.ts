// Half-open time intervals [start, end) in epoch milliseconds: the arithmetic of free time.

export interface Interval {
  start: number;
  end: number;
}

/** Sorted by start, with overlapping and touching intervals joined; empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** `from` minus `minus`; both merged (sorted, disjoint). The result is merged too. */
export function subtractIntervals(
  from: readonly Interval[],
  minus: readonly Interval[],
): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const f of from) {
    let cursor = f.start;
    while (j < minus.length && (minus[j] as Interval).end <= cursor) j++;
    for (let k = j; k < minus.length; k++) {
      const m = minus[k] as Interval;
      if (m.start >= f.end) break;
      if (m.start > cursor) out.push({ start: cursor, end: m.start });
      cursor = Math.max(cursor, m.end);
    }
    if (cursor < f.end) out.push({ start: cursor, end: f.end });
  }
  return out;
}

/** The part of `i` inside `window`, or null when they do not overlap. */
export function clipInterval(i: Interval, window: Interval): Interval | null {
  const start = Math.max(i.start, window.start);
  const end = Math.min(i.end, window.end);
  return end > start ? { start, end } : null;
}

export function totalLength(intervals: readonly Interval[]): number {
  let sum = 0;
  for (const i of intervals) sum += i.end - i.start;
  return sum;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
