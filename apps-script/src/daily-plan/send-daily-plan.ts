import { renderPlanEmail, ZonedCalendar, type DayPlan, type PlanEmail } from '@mindflow/shared';
import { executeOperation } from '../execute-operation.ts';
import { LockBusyError, ScriptLock } from '../script-lock.ts';
import { AuditLog } from '../sheet/audit-log.ts';
import { appsScriptTimeZone } from '../time/utilities-time-zone.ts';
import { DAILY_PLAN_LAST_SENT_PROPERTY, loadDailyPlanSettings } from './daily-plan-settings.ts';
import { removeDailyPlanTriggers } from './daily-plan-trigger.ts';

/** The operation name in _log. */
export const SEND_OPERATION = 'sendDailyPlan';
/** A trigger is in no hurry: it may wait out a long write rather than skip the day. */
const SEND_LOCK_WAIT_MS = 30_000;
const APP_LABEL = 'Open your MindFlow Sheet';

/** scheduled: the trigger, at most once per local day. test: "Send me a test now", any time. */
export type DeliveryMode = 'scheduled' | 'test';

export interface DeliveryReport {
  status: 'sent' | 'skipped' | 'failed';
  /** The local date of the plan, in the Sheet's zone. */
  date: string;
  /** One sentence for the dialog and for _log. */
  message: string;
  to?: string;
  subject?: string;
}

interface Delivery {
  mode: DeliveryMode;
  date: string;
  zone: string;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  props: GoogleAppsScript.Properties.Properties;
  lock: ScriptLock;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The time-driven trigger's handler: today's plan, by email, to the user who turned it on. */
export function sendDailyPlan(_e?: GoogleAppsScript.Events.TimeDriven): DeliveryReport {
  return deliverDailyPlan('scheduled');
}

/**
 * Builds today's plan through getDailyPlan (the same service as the sidebar and the GPT),
 * renders the shared email and sends it with MailApp. Every outcome — sent, skipped, failed —
 * leaves a row in _log; an unexpected error is logged there too and then thrown, so Apps
 * Script's own failure notice reports it as well.
 */
export function deliverDailyPlan(mode: DeliveryMode): DeliveryReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const now = () => Date.now();
  const zone = spreadsheet.getSpreadsheetTimeZone();
  const delivery: Delivery = {
    mode,
    date: new ZonedCalendar(appsScriptTimeZone(), zone).localDate(now()),
    zone,
    spreadsheet,
    props: PropertiesService.getUserProperties(),
    lock: new ScriptLock(SEND_LOCK_WAIT_MS),
  };
  const audit = new AuditLog(spreadsheet, mode === 'test' ? 'dialog' : 'trigger', now);
  const record = (report: DeliveryReport): DeliveryReport => {
    const detail = `${mode === 'test' ? 'test, ' : ''}${report.status}: ${report.message}`;
    if (report.status === 'failed') console.error(`MindFlow ${SEND_OPERATION}: ${detail}`);
    const entry = { operation: SEND_OPERATION, taskId: '', detail };
    try {
      delivery.lock.runExclusive(() => audit.append([entry]));
    } catch (error) {
      if (!(error instanceof LockBusyError)) throw error;
      // A lost failure is worse than a _log row out of order with a change: one appendRow
      // is atomic on its own.
      audit.append([entry]);
    }
    return report;
  };
  let report: DeliveryReport;
  try {
    report = attempt(delivery);
  } catch (error) {
    if (error instanceof LockBusyError) {
      report = failed(
        delivery,
        'MindFlow was busy saving other changes for 30 seconds; try again.',
      );
    } else {
      record(failed(delivery, `unexpected error: ${messageOf(error)}`));
      throw error;
    }
  }
  return record(report);
}

function attempt(d: Delivery): DeliveryReport {
  const loaded = loadDailyPlanSettings(d.props);
  if (d.mode === 'scheduled') {
    // Unreadable settings read as "off"; the trigger's existence says the user turned it on.
    if (!loaded.settings.enabled && loaded.problem === null) {
      const removed = removeDailyPlanTriggers();
      return skipped(
        d,
        `the daily plan email is off${removed ? '; its leftover trigger was removed' : ''}`,
      );
    }
    if (alreadySent(d)) return skipped(d, `already sent for ${d.date}`);
  }
  const result = executeOperation(
    'getDailyPlan',
    { date: d.date },
    { source: 'trigger', zone: d.zone, planSettings: loaded },
  );
  if (!result.ok) {
    const cause = (result.error.details as { calendar_error?: string } | undefined)?.calendar_error;
    return failed(
      d,
      `the plan could not be made: ${result.error.message}${cause ? ` (${cause})` : ''}`,
    );
  }
  const to = Session.getEffectiveUser().getEmail();
  if (!to)
    return failed(
      d,
      'Apps Script did not reveal your email address, so there is nowhere to send it',
    );
  const email = renderPlanEmail(result.data as DayPlan, {
    appUrl: d.spreadsheet.getUrl(),
    appLabel: APP_LABEL,
  });
  return d.lock.runExclusive(() => send(d, to, email));
}

const alreadySent = (d: Delivery): boolean =>
  d.props.getProperty(DAILY_PLAN_LAST_SENT_PROPERTY) === d.date;

/** Under the script lock: decide, claim the day, send; give the day back if sending fails. */
function send(d: Delivery, to: string, email: PlanEmail): DeliveryReport {
  const scheduled = d.mode === 'scheduled';
  // Asked again under the lock: a duplicate run may have sent it while this one planned.
  if (scheduled && alreadySent(d)) return skipped(d, `already sent for ${d.date}`);
  const quota = MailApp.getRemainingDailyQuota();
  if (quota < 1) {
    return failed(
      d,
      `MailApp's daily email quota is used up (${quota} left today), so the plan was not sent`,
    );
  }
  // The day is claimed before sending: a run cut short between the two loses one email
  // rather than sending two, which is the promise ("at most one a day").
  const previous = d.props.getProperty(DAILY_PLAN_LAST_SENT_PROPERTY);
  if (scheduled) d.props.setProperty(DAILY_PLAN_LAST_SENT_PROPERTY, d.date);
  try {
    MailApp.sendEmail({
      to,
      subject: email.subject,
      body: email.text,
      htmlBody: email.html,
      name: 'MindFlow',
    });
  } catch (error) {
    if (scheduled) {
      if (previous === null) d.props.deleteProperty(DAILY_PLAN_LAST_SENT_PROPERTY);
      else d.props.setProperty(DAILY_PLAN_LAST_SENT_PROPERTY, previous);
    }
    return failed(d, `MailApp could not send it: ${messageOf(error)}`);
  }
  return {
    status: 'sent',
    date: d.date,
    message: `to ${to}: ${email.subject}`,
    to,
    subject: email.subject,
  };
}

const skipped = (d: Delivery, message: string): DeliveryReport => ({
  status: 'skipped',
  date: d.date,
  message,
});

const failed = (d: Delivery, message: string): DeliveryReport => ({
  status: 'failed',
  date: d.date,
  message,
});
