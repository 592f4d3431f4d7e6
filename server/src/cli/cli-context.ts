import { intlTimeZone, parseInstant, ZonedCalendar } from '@mindflow/shared';

/** Raised for bad command-line input: printed as one line, exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface TimeOptions {
  now?: string;
  tz?: string;
}

export function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** --now and --tz, validated: the instant to evaluate at and the user's calendar. */
export function resolveTime(options: TimeOptions): { now: number; calendar: ZonedCalendar } {
  const zone = options.tz ?? machineZone();
  if (!intlTimeZone.isValidZone(zone)) {
    throw new UsageError(
      `--tz: '${zone}' is not an IANA time zone (e.g. Europe/Berlin, America/New_York)`,
    );
  }
  let now = Date.now();
  if (options.now !== undefined) {
    const parsed = parseInstant(options.now);
    if (parsed === null) {
      throw new UsageError(
        `--now: '${options.now}' is not an ISO 8601 date-time with offset (e.g. 2026-11-25T09:00:00-05:00)`,
      );
    }
    now = parsed;
  }
  return { now, calendar: new ZonedCalendar(intlTimeZone, zone) };
}

/** Writes one JSON value the way `--json` promises: a single parseable document. */
export function printJson(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}
