import type { calendar_v3 } from '@googleapis/calendar';

export type CalendarApi = calendar_v3.Calendar;

export interface CalendarConnection {
  /** A service-account key file; without it, Application Default Credentials. */
  credentialsFile: string | null;
  /** Another root than https://www.googleapis.com/ (tests: a local fake). */
  apiUrl: string | null;
}

// A plan waits for its calendars: a stalled call must fail the plan as `unavailable` in
// seconds, and googleapis' default of retrying three times with growing delays would hold
// a request (or the morning email) for longer than anyone waits.
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * The official client, read-only, loaded on first use: a server none of whose users
 * connected a Google calendar never pays its memory. (A dynamic import of the package,
 * not of this module: the esbuild bundle would hoist this module's static imports.) `rootUrl` is the documented way to aim it elsewhere,
 * which is how tests reach the local fake; there the fake needs no token. Users share
 * their calendar with the service account's address, so one key reads every user's.
 */
export async function openCalendarApi(connection: CalendarConnection): Promise<CalendarApi> {
  const { auth, calendar } = await import('@googleapis/calendar');
  const rootUrl = connection.apiUrl ? `${connection.apiUrl.replace(/\/+$/, '')}/` : undefined;
  const options = {
    version: 'v3' as const,
    timeout: REQUEST_TIMEOUT_MS,
    retryConfig: { retry: 1, noResponseRetries: 1, retryDelay: 200 },
    ...(rootUrl ? { rootUrl } : {}),
  };
  if (rootUrl && !connection.credentialsFile) return calendar(options);
  const client = new auth.GoogleAuth({
    ...(connection.credentialsFile ? { keyFile: connection.credentialsFile } : {}),
    scopes: ['https://www.googleapis.com/auth/calendar.readonly'],
  });
  return calendar({ ...options, auth: client });
}
