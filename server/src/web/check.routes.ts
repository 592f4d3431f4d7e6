import { Router } from 'express';
import { CalendarUnavailableError } from '@mindflow/shared';
import { mountRoute } from '../http/api-route.ts';
import { callerOf } from '../http/authenticate.ts';
import { sendError } from '../http/http-errors.ts';
import type { UserCalendars } from '../calendar/user-calendars.ts';
import { planEmailOf } from '../daily-plan/daily-plans.ts';
import type { Mailer } from '../daily-plan/mailer.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { baseUrlOf } from '../http/plan-email.routes.ts';
import { CHECK_ROUTES } from './web.route-docs.ts';

// The Plan settings page's "Test" buttons: read one calendar as a plan would, and send
// the morning email now.

export interface CheckRouteDeps {
  calendars: UserCalendars | null;
  mailer: { mailer: Mailer; from: string } | null;
  executor: OperationExecutor;
  publicUrl: string | null;
}

const DAYS = 7;

export function checkRoutes(deps: CheckRouteDeps): Router {
  const router = Router();

  mountRoute(router, CHECK_ROUTES.testCalendar, async ({ body }, _req, res) => {
    const caller = callerOf(res);
    const source = deps.calendars?.forUser(caller.user.email, [body]);
    if (!source) {
      return sendError(res, { code: 'unavailable', message: 'This server reads no calendars' });
    }
    if (body.kind === 'google' && !deps.calendars?.googleAvailable) {
      return sendError(res, {
        code: 'unavailable',
        message:
          'This server has no Google credentials, so it cannot read Google calendars; use an ICS address',
      });
    }
    const now = Date.now();
    try {
      const events = await source.listEvents(
        now,
        now + DAYS * 86_400_000,
        caller.settings.time_zone,
      );
      res.json({ events: events.length, days: DAYS });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      sendError(res, {
        code: 'unavailable',
        message: `Could not read the calendar: ${reason}`,
        details: { calendar_error: reason, retryable: error instanceof CalendarUnavailableError },
      });
    }
  });

  mountRoute(router, CHECK_ROUTES.testEmail, async (_input, req, res) => {
    const caller = callerOf(res);
    if (!deps.mailer) {
      return sendError(res, {
        code: 'unavailable',
        message:
          'This server sends no email (MAILER is off); ask its operator to set MAILER and SMTP_URL',
      });
    }
    const { result } = await deps.executor.run(caller, 'getDailyPlan', {});
    if (!result.ok) return sendError(res, result.error);
    const email = planEmailOf(result.data, baseUrlOf(req, deps.publicUrl));
    try {
      await deps.mailer.mailer.send({
        to: caller.user.email,
        subject: `[test] ${email.subject}`,
        html: email.html,
        text: email.text,
        messageId: `<plan-test.${Date.now()}.${caller.user.id}@mindflow>`,
      });
    } catch (error) {
      return sendError(res, {
        code: 'unavailable',
        message: `The mail server did not take the email: ${(error as Error).message}`,
      });
    }
    res.json({ sent_to: caller.user.email });
  });

  return router;
}
