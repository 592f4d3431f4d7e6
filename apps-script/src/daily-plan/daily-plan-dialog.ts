import {
  ok,
  type CalendarChoice,
  type DailyPlanDialogStateWire,
  type DailyPlanFunctions,
  type Result,
  type ScriptAnswer,
} from '@mindflow/shared';
import { busyFailure } from '../execute-operation.ts';
import { LockBusyError, ScriptLock } from '../script-lock.ts';
import {
  DAILY_PLAN_LAST_SENT_PROPERTY,
  loadDailyPlanSettings,
  parseDailyPlanSettings,
  storeDailyPlanSettings,
  type DailyPlanSettings,
} from './daily-plan-settings.ts';
import { hasDailyPlanTrigger, scheduleDailyPlan } from './daily-plan-trigger.ts';
import { deliverDailyPlan, type DeliveryReport } from './send-daily-plan.ts';

/** Tall enough for a dozen calendars without scrolling the buttons away; Sheets caps a dialog near the window. */
export const DIALOG_WIDTH = 460;
export const DIALOG_HEIGHT = 620;

// The dialog (web/src/components/mf-day-plan-settings.ts, shipped as DailyPlan.html) calls
// the three functions below; their arguments and answers are DAILY_PLAN_FUNCTIONS in shared/.
export type { CalendarChoice };
/** What the dialog shows (its google.script.run contract). */
export type DailyPlanDialogState = DailyPlanDialogStateWire;

/** Menu item: Daily plan settings. */
export function showDailyPlanSettings(): void {
  const page = HtmlService.createHtmlOutputFromFile('DailyPlan')
    .setWidth(DIALOG_WIDTH)
    .setHeight(DIALOG_HEIGHT);
  SpreadsheetApp.getUi().showModalDialog(page, 'Daily plan settings');
}

function listCalendars(chosen: readonly string[], notices: string[]): CalendarChoice[] {
  let calendars: CalendarChoice[] = [];
  try {
    calendars = CalendarApp.getAllCalendars().map((c) => ({
      id: c.getId(),
      name: c.getName(),
      primary: c.isMyPrimaryCalendar(),
    }));
  } catch (error) {
    notices.push(
      `Your calendars could not be listed (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  calendars.sort((a, b) => Number(b.primary) - Number(a.primary) || a.name.localeCompare(b.name));
  const known = new Set(calendars.map((c) => c.id));
  for (const id of chosen) {
    if (!known.has(id)) calendars.push({ id, name: id, primary: false, missing: true });
  }
  return calendars;
}

function dialogState(settings: DailyPlanSettings, notices: string[]): DailyPlanDialogState {
  return {
    settings,
    calendars: listCalendars(settings.calendar_ids, notices),
    time_zone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    recipient: Session.getEffectiveUser().getEmail(),
    scheduled: hasDailyPlanTrigger(),
    last_sent: PropertiesService.getUserProperties().getProperty(DAILY_PLAN_LAST_SENT_PROPERTY),
    notices,
  };
}

/** google.script.run target: the dialog's settings, calendars and status. */
export function getDailyPlanSettings(): DailyPlanDialogState {
  const loaded = loadDailyPlanSettings();
  return dialogState(loaded.settings, loaded.problem ? [loaded.problem] : []);
}

/**
 * google.script.run target: validates (every problem names its field), stores the settings
 * and leaves exactly one daily trigger at the chosen time, or none when turned off.
 */
export function saveDailyPlanSettings(
  input: unknown,
): Result<DailyPlanDialogState> & ScriptAnswer<DailyPlanFunctions, 'saveDailyPlanSettings'> {
  const parsed = parseDailyPlanSettings(input);
  if (!parsed.ok) return parsed;
  const settings = parsed.data;
  const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  try {
    new ScriptLock().runExclusive(() => {
      storeDailyPlanSettings(settings);
      scheduleDailyPlan(settings, zone);
    });
  } catch (error) {
    if (error instanceof LockBusyError) return busyFailure();
    throw error;
  }
  return ok(dialogState(settings, []));
}

/** google.script.run target: "Send me a test now" — today's plan at once, not counted as the day's email. */
export function sendTestDailyPlan(): DeliveryReport {
  return deliverDailyPlan('test');
}
