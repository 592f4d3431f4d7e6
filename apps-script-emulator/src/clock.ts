/**
 * The emulator's notion of "now". Every Date the bundle constructs without arguments, every
 * Date.now(), cache expiry, lock waits and Utilities.sleep read or advance this clock, so a
 * test decides what time it is and never waits for real time to pass.
 */
export class EmulatorClock {
  private current: number;

  constructor(start: Date | number | string = '2026-01-05T09:00:00Z') {
    this.current = toMillis(start);
  }

  now(): number {
    return this.current;
  }

  set(instant: Date | number | string): void {
    this.current = toMillis(instant);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance needs ms >= 0, got ${ms}`);
    this.current += ms;
  }
}

export function toMillis(instant: Date | number | string): number {
  const ms =
    typeof instant === 'number'
      ? instant
      : typeof instant === 'string'
        ? Date.parse(instant)
        : instant.getTime();
  if (!Number.isFinite(ms)) throw new Error(`not an instant: ${String(instant)}`);
  return ms;
}
