// Bundled by build-harness.ts and run INSIDE the emulator: the real CalendarAppSource over
// the emulated CalendarApp, so the adapter is tested as Apps Script would run it.
import { CalendarAppSource } from '../src/daily-plan/calendar-app-source.ts';
import { appsScriptTimeZone } from '../src/time/utilities-time-zone.ts';

/** One listEvents call; answers JSON {events, warnings} or {error: {name, message}}. */
export function calendarEvents(
  startIso: string,
  endIso: string,
  zone: string,
  calendarIdsJson: string,
): string {
  const source = new CalendarAppSource({
    calendarIds: JSON.parse(calendarIdsJson) as string[],
    timeZone: appsScriptTimeZone(),
  });
  try {
    const events = source.listEvents(Date.parse(startIso), Date.parse(endIso), zone);
    return JSON.stringify({ events, warnings: source.warnings });
  } catch (error) {
    const e = error as Error;
    return JSON.stringify({ error: { name: e.name, message: e.message }, failure: source.failure });
  }
}
