import { ZonedCalendar, type TimeZonePort } from '@mindflow/shared';
import type { User } from '../accounts/account-repository.ts';
import { readSettings, type UserSettings } from '../accounts/user-settings.ts';
import type { SqlClient } from '../db/sql-client.ts';

export interface Recipient {
  user: User;
  settings: UserSettings;
}

// Settings are one JSON text per user; the database picks the users who turned the email
// on, so a tick reads only them. JSON is the one thing the engines spell differently.
const EMAIL_ON = {
  sqlite: `json_extract(s.settings, '$.daily_plan.enabled') = 1`,
  postgres: `(s.settings::jsonb #>> '{daily_plan,enabled}') = 'true'`,
};

/** Every user with the morning email turned on. */
export async function planEmailRecipients(db: SqlClient): Promise<Recipient[]> {
  const rows = await db.all<User & { settings: string }>(
    `SELECT u.id, u.email, u.created_at, s.settings
     FROM users u JOIN user_settings s ON s.user_id = u.id
     WHERE ${EMAIL_ON[db.dialect]} ORDER BY u.id`,
  );
  return rows
    .map((r) => ({
      user: { id: r.id, email: r.email, created_at: r.created_at },
      settings: readSettings(r.settings),
    }))
    .filter((r) => r.settings.daily_plan.enabled);
}

/**
 * The local date whose email is due at `now`: today in the user's zone once their wall
 * clock has reached the chosen time, else null. The time is found through ZonedCalendar,
 * so 07:30 is 07:30 on either side of a DST change (and a time skipped by a spring-forward
 * night moves forward with the clocks).
 */
export function dueLocalDate(
  settings: UserSettings,
  now: number,
  zones: TimeZonePort,
): string | null {
  const calendar = new ZonedCalendar(zones, settings.time_zone);
  const today = calendar.localDate(now);
  const { hour, minute } = settings.daily_plan;
  return now >= calendar.instantAt(today, hour * 60 + minute) ? today : null;
}
