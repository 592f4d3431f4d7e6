import { Router } from 'express';
import { z } from 'zod';
import { fieldIssues, validationFailed, type FieldIssue } from '@mindflow/shared';
import type { AccountRepository } from '../accounts/account-repository.ts';
import { patchedSettings, UserSettings, UserSettingsPatch } from '../accounts/user-settings.ts';
import { userJson } from './auth.routes.ts';
import { callerOf } from './authenticate.ts';
import { sendError, sendInvalid } from './http-errors.ts';

const TokenInput = z.strictObject({
  name: z
    .string({ error: 'name must be text' })
    .trim()
    .min(1, 'name must not be empty')
    .max(100, 'name must be at most 100 characters')
    .default('API token'),
});

export interface AccountRouteOptions {
  /** Whether this server can read Google calendars (credentials or CALENDAR_API_URL). */
  googleCalendar: boolean;
}

/** A Google source on a server without Google credentials could never be read. */
function unreadableSources(settings: UserSettings, options: AccountRouteOptions): FieldIssue[] {
  if (options.googleCalendar) return [];
  return settings.calendar_sources.flatMap((source, i) =>
    source.kind === 'google'
      ? [
          {
            field: `calendar_sources.${i}.kind`,
            rule: 'unsupported',
            message: `calendar_sources.${i}: this server has no Google credentials, so it cannot read Google calendars; use an ICS address`,
          },
        ]
      : [],
  );
}

/** /api/me (profile and settings) and /api/tokens (personal API tokens). */
export function accountRoutes(
  accounts: AccountRepository,
  options: AccountRouteOptions = { googleCalendar: false },
): Router {
  const router = Router();

  router.get('/me', (_req, res) => {
    const caller = callerOf(res);
    res.json(userJson(caller.user, caller.settings));
  });

  router.patch('/me', async (req, res) => {
    const caller = callerOf(res);
    const body: unknown = req.body ?? {};
    const keys = UserSettingsPatch.safeParse(body);
    const known =
      typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const merged = UserSettings.safeParse(patchedSettings(caller.settings, known));
    // Unknown fields and bad values are reported together, each with its field and rule.
    const issues = [
      ...(keys.success ? [] : fieldIssues(keys.error)),
      ...(merged.success ? unreadableSources(merged.data, options) : fieldIssues(merged.error)),
    ];
    if (issues.length > 0 || !merged.success) {
      const failed = validationFailed(issues);
      return failed.ok ? undefined : sendError(res, failed.error);
    }
    await accounts.updateSettings(caller.user.id, merged.data);
    res.json(userJson(caller.user, merged.data));
  });

  router.post('/tokens', async (req, res) => {
    const input = TokenInput.safeParse(req.body ?? {});
    if (!input.success) return sendInvalid(res, input.error);
    const { token, info } = await accounts.issueToken(
      callerOf(res).user.id,
      'personal',
      input.data.name,
    );
    // The only time the token is shown: only its hash is stored.
    res.status(201).json({ ...info, token });
  });

  router.get('/tokens', async (_req, res) => {
    res.json({ tokens: await accounts.listTokens(callerOf(res).user.id) });
  });

  router.delete('/tokens/:id', async (req, res) => {
    const revoked = await accounts.revokeToken(callerOf(res).user.id, req.params.id);
    if (!revoked)
      return sendError(res, { code: 'not_found', message: `No token with id ${req.params.id}` });
    res.json({ id: req.params.id, revoked: true });
  });

  return router;
}
