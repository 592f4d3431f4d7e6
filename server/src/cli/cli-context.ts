import { intlTimeZone, parseInstant, ZonedCalendar } from '@mindflow/shared';
import { systemZoneName, tzifTimeZone } from '../time/time-zone.tzif.ts';
import { UsageError } from './usage-error.ts';
import { terminalEnv } from '../config/terminal-env.ts';

export { UsageError };

export interface TimeOptions {
  now?: string | undefined;
  tz?: string | undefined;
}

/** --now and --tz, the same on every command that reads the clock. */
export function timeOptions(what: string) {
  return {
    now: { value: 'ISO', help: `${what} at this instant (ISO 8601 with offset); default: now` },
    tz: { value: 'ZONE', help: 'your IANA time zone; default: this machine’s' },
  } as const;
}

// The system's tz files answer without Intl, whose first date formatter costs a short run
// more than everything else it does; Intl answers for any zone the files lack.
const timeZone = tzifTimeZone(intlTimeZone);

export function machineZone(): string {
  const zone = systemZoneName(terminalEnv());
  if (zone !== null && timeZone.isValidZone(zone)) return zone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** --now and --tz, validated: the instant to evaluate at and the user's calendar. */
export function resolveTime(options: TimeOptions): { now: number; calendar: ZonedCalendar } {
  const zone = options.tz ?? machineZone();
  if (!timeZone.isValidZone(zone)) {
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
  return { now, calendar: new ZonedCalendar(timeZone, zone) };
}

/** Writes one JSON value the way `--json` promises: a single parseable document. */
export function printJson(out: NodeJS.WritableStream, value: unknown): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}
