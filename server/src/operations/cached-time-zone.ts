import type { TimeZonePort } from '@mindflow/shared';

// TaskService builds a ZonedCalendar per request, and its offset cache dies with it; Intl's
// formatToParts costs microseconds a call. The offsets of a zone never change, so this port
// remembers them across requests, per zone and quarter-hour (zone transitions fall on
// quarter hours, which is what ZonedCalendar's own cache relies on too).
const BUCKET_MS = 15 * 60_000;
const MAX_ENTRIES = 200_000;

export function cachedTimeZone(port: TimeZonePort): TimeZonePort {
  const offsets = new Map<string, number>();
  return {
    offsetMinutes(instantMs, zone) {
      const key = `${zone}|${Math.floor(instantMs / BUCKET_MS)}`;
      let offset = offsets.get(key);
      if (offset === undefined) {
        offset = port.offsetMinutes(Math.floor(instantMs / BUCKET_MS) * BUCKET_MS, zone);
        if (offsets.size >= MAX_ENTRIES) offsets.clear();
        offsets.set(key, offset);
      }
      return offset;
    },
    isValidZone: (zone) => port.isValidZone(zone),
  };
}
