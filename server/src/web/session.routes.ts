import { Router, type Response } from 'express';
import type { AccountRepository, User } from '../accounts/account-repository.ts';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import type { UserSettings } from '../accounts/user-settings.ts';
import { mountRoute } from '../http/api-route.ts';
import { userJson } from '../http/auth.routes.ts';
import { callerOf } from '../http/authenticate.ts';
import { errorBody, sendError } from '../http/http-errors.ts';
import {
  clearSessionCookie,
  csrfTokenOf,
  sessionTokenOf,
  setSessionCookie,
} from './session-cookie.ts';
import { SESSION_ROUTES } from './web.route-docs.ts';

export interface SessionRouteOptions {
  sessionTtlMs: number;
  publicUrl: string | null;
}

// Same words for every failure as /api/auth, so neither says whether an email has an account.
const LOGIN_FAILED = 'The email or password is wrong';
const REGISTER_REFUSED =
  'Cannot register with this email and password; sign in if you have an account';

function sessionJson(user: User, settings: UserSettings, token: string | null, hash: string) {
  return {
    user: userJson(user, settings),
    csrf_token: token === null ? null : csrfTokenOf(token),
    has_password: hash !== '',
  };
}

/** Sign up and sign in (public): they answer with the cookie set. */
export function publicSessionRoutes(
  accounts: AccountRepository,
  options: SessionRouteOptions,
): Router {
  const router = Router();

  async function startSession(res: Response, user: User, hash: string): Promise<unknown> {
    const { token } = await accounts.issueToken(
      user.id,
      'session',
      'dashboard session',
      options.sessionTtlMs,
    );
    setSessionCookie(res.req, res, token, options.sessionTtlMs, options.publicUrl);
    const profile = await accounts.getUser(user.id);
    return sessionJson(user, profile!.settings, token, hash);
  }

  mountRoute(router, SESSION_ROUTES.signIn, async ({ body }, _req, res) => {
    const found = await accounts.findByEmail(body.email);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? null);
    if (!found || !ok) return sendError(res, { code: 'unauthorized', message: LOGIN_FAILED });
    res.json(await startSession(res, found.user, found.passwordHash));
  });

  mountRoute(router, SESSION_ROUTES.signUp, async ({ body }, _req, res) => {
    const { email, password, time_zone } = body;
    const hash = await hashPassword(password);
    let user = await accounts.createUser(email, hash, time_zone ? { time_zone } : {});
    let stored = hash;
    if (!user) {
      const existing = await accounts.findByEmail(email);
      if (!existing || !(await verifyPassword(password, existing.passwordHash))) {
        return void res.status(409).json(errorBody('conflict', REGISTER_REFUSED));
      }
      user = existing.user;
      stored = existing.passwordHash;
    }
    res
      .status(201)
      .location('/api/session')
      .json(await startSession(res, user, stored));
  });

  return router;
}

/** Who is signed in, sign out, and the password: behind authenticate(). */
export function sessionRoutes(accounts: AccountRepository, options: SessionRouteOptions): Router {
  const router = Router();

  mountRoute(router, SESSION_ROUTES.getSession, async (_input, _req, res) => {
    const caller = callerOf(res);
    const hash = (await accounts.passwordHashOf(caller.user.id)) ?? '';
    res.setHeader('Cache-Control', 'no-store');
    res.json(sessionJson(caller.user, caller.settings, sessionTokenOf(res), hash));
  });

  mountRoute(router, SESSION_ROUTES.signOut, async (_input, req, res) => {
    const caller = callerOf(res);
    // Only a cookie session ends here: a Bearer token is revoked with DELETE /api/tokens/:id.
    if (sessionTokenOf(res) !== null) await accounts.endSession(caller.tokenId);
    clearSessionCookie(req, res, options.publicUrl);
    res.status(204).end();
  });

  mountRoute(router, SESSION_ROUTES.changePassword, async ({ body }, _req, res) => {
    const caller = callerOf(res);
    const current = (await accounts.passwordHashOf(caller.user.id)) ?? '';
    if (current !== '') {
      const ok =
        body.current_password !== undefined &&
        (await verifyPassword(body.current_password, current));
      if (!ok) {
        return sendError(
          res,
          {
            code: 'unauthorized',
            message:
              body.current_password === undefined
                ? 'current_password is required to change the password'
                : 'current_password is wrong',
            details: [
              { field: 'current_password', rule: 'mismatch', message: 'current_password is wrong' },
            ],
          },
          403,
        );
      }
    }
    await accounts.setPassword(
      caller.user.id,
      await hashPassword(body.new_password),
      caller.tokenId,
    );
    res.status(204).end();
  });

  return router;
}
