import type { RouteDoc } from '@mindflow/shared';
import type { UserCalendars } from '../calendar/user-calendars.ts';
import type { Mailer } from '../daily-plan/mailer.ts';
import type { RevisionEvents } from '../events/revision-events.ts';
import type { SheetsConnection } from '../stores/sheets-api.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import { CHECK_ROUTES, DATA_ROUTES, EVENTS_ROUTE, SESSION_ROUTES } from './web.route-docs.ts';

/** What the dashboard's routes need beyond the API's: each null turns its feature off. */
export interface WebDeps {
  /** Live updates (GET /api/events). */
  events: RevisionEvents | null;
  /** Import and export read and write the caller's tasks. */
  stores: TaskStoreFactory | null;
  /** Calendar tests. */
  calendars: UserCalendars | null;
  /** Sheet import through the service account. */
  sheets: SheetsConnection | null;
  /** "Send me a test now". */
  mailer: { mailer: Mailer; from: string } | null;
  /** The built dashboard (default: web/dist/dashboard). */
  dashboardDir?: string;
}

export const WEB_ROUTE_DOCS: readonly RouteDoc[] = [
  ...Object.values(SESSION_ROUTES),
  EVENTS_ROUTE,
  ...Object.values(DATA_ROUTES),
  ...Object.values(CHECK_ROUTES),
];
