import { Router } from 'express';
import { fieldIssues, validationFailed, type FieldIssue } from '@mindflow/shared';
import { TokenLimitError, type AccountRepository } from '../accounts/account-repository.ts';
import { patchedSettings, UserSettings, UserSettingsPatch } from '../accounts/user-settings.ts';
import type { ConnectedApp } from '../oauth/oauth-store.ts';
import { ACCOUNT_ROUTES } from './account.route-docs.ts';
import { mountRoute } from './api-route.ts';
import { userJson } from './auth.routes.ts';
import { callerOf } from './authenticate.ts';
import { sendError } from './http-errors.ts';

export interface AccountRouteOptions {
  /** Whether this server can read Google calendars (credentials or CALENDAR_API_URL). */
  googleCalendar: boolean;
  /** The apps signed in through OAuth (MCP clients), listed in /api/me. */
  connectedApps?: (userId: string) => Promise<ConnectedApp[]>;
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

  mountRoute(router, ACCOUNT_ROUTES.getMe, async (_input, _req, res) => {
    const caller = callerOf(res);
    const apps = (await options.connectedApps?.(caller.user.id)) ?? [];
    res.json({ ...userJson(caller.user, caller.settings), connected_apps: apps });
  });

  // The documented body lists the settings; the handler checks the merged result, so each
  // bad field is reported with its rule together with any unknown field.
  mountRoute(
    router,
    ACCOUNT_ROUTES.patchMe,
    async ({ body }, _req, res) => {
      const caller = callerOf(res);
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
    },
    { rawBody: true },
  );

  mountRoute(router, ACCOUNT_ROUTES.createToken, async ({ body }, _req, res) => {
    const issued = await accounts
      .issueToken(callerOf(res).user.id, 'personal', body.name)
      .catch((error: unknown) => {
        if (!(error instanceof TokenLimitError)) throw error;
        sendError(res, {
          code: 'conflict',
          message: error.message,
          details: { limit: error.limit, setting: 'MAX_TOKENS_PER_USER' },
        });
        return null;
      });
    if (!issued) return;
    const { token, info } = issued;
    // The only time the token is shown: only its hash is stored.
    res
      .status(201)
      .location(`/api/tokens/${encodeURIComponent(info.id)}`)
      .json({ ...info, token });
  });

  mountRoute(router, ACCOUNT_ROUTES.listTokens, async (_input, _req, res) => {
    res.json({ tokens: await accounts.listTokens(callerOf(res).user.id) });
  });

  mountRoute(router, ACCOUNT_ROUTES.revokeToken, async ({ params }, _req, res) => {
    const revoked = await accounts.revokeToken(callerOf(res).user.id, params.id);
    if (!revoked)
      return sendError(res, { code: 'not_found', message: `No token with id ${params.id}` });
    res.status(204).end();
  });

  return router;
}
