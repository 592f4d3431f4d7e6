import type { DailyPlanSettings } from './daily-plan-settings.ts';

/** The time-driven trigger's handler: a top-level function in entry-points.ts. */
export const DAILY_PLAN_HANDLER = 'sendDailyPlan';

export interface DailyPlanSchedule {
  hour: number;
  minute: number;
  time_zone: string;
}

function dailyPlanTriggers(): GoogleAppsScript.Script.Trigger[] {
  // getProjectTriggers lists only the current user's triggers: a collaborator's own daily
  // plan is never touched.
  return ScriptApp.getProjectTriggers().filter(
    (t) => t.getHandlerFunction() === DAILY_PLAN_HANDLER,
  );
}

export function hasDailyPlanTrigger(): boolean {
  return dailyPlanTriggers().length > 0;
}

export function removeDailyPlanTriggers(): number {
  const triggers = dailyPlanTriggers();
  for (const t of triggers) ScriptApp.deleteTrigger(t);
  return triggers.length;
}

/**
 * Leaves exactly one daily trigger at the chosen time in the Sheet's zone when the email is
 * on, none when it is off. Callers hold the script lock, so two saves cannot both add one.
 */
export function scheduleDailyPlan(
  settings: DailyPlanSettings,
  zone: string,
): DailyPlanSchedule | null {
  removeDailyPlanTriggers();
  if (!settings.enabled) return null;
  ScriptApp.newTrigger(DAILY_PLAN_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(settings.hour)
    // Apps Script runs it within about 15 minutes of this minute, never exactly on it.
    .nearMinute(settings.minute)
    // Without this the hour would be read in the script's zone (appsscript.json), not the Sheet's.
    .inTimezone(zone)
    .create();
  return { hour: settings.hour, minute: settings.minute, time_zone: zone };
}
