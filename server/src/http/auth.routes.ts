import { Router } from 'express';
import type { AccountRepository, User } from '../accounts/account-repository.ts';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import type { UserSettings } from '../accounts/user-settings.ts';
import { AUTH_ROUTES } from './account.route-docs.ts';
import { mountRoute } from './api-route.ts';
import { errorBody, sendError } from './http-errors.ts';

export function userJson(user: User, settings: UserSettings) {
  return { ...user, ...settings };
}

// One message for every failed login and every refused registration, and one password
// derivation on every path, so neither the words nor the timing tell whether an email has
// an account.
const LOGIN_FAILED = 'The email or password is wrong';
const REGISTER_REFUSED =
  'Cannot register with this email and password; log in if you have an account';

export function authRoutes(accounts: AccountRepository, sessionTtlMs: number): Router {
  const router = Router();

  mountRoute(router, AUTH_ROUTES.register, async ({ body }, _req, res) => {
    const { email, password, time_zone } = body;
    const hash = await hashPassword(password);
    let user = await accounts.createUser(email, hash, time_zone ? { time_zone } : {});
    if (user) {
      // A taken email derives the password twice (hash, then check against the account);
      // a new one does the same work, so the time does not tell them apart.
      await verifyPassword(password, hash);
    } else {
      // Registering again with the same credentials is a login, so retries are harmless.
      const existing = await accounts.findByEmail(email);
      if (!existing || !(await verifyPassword(password, existing.passwordHash))) {
        return void res.status(409).json(errorBody('conflict', REGISTER_REFUSED));
      }
      user = existing.user;
    }
    const profile = await accounts.getUser(user.id);
    const { token } = await accounts.issueToken(user.id, 'session', 'login session', sessionTtlMs);
    res
      .status(201)
      .location('/api/me')
      .json({ user: userJson(user, profile!.settings), token });
  });

  mountRoute(router, AUTH_ROUTES.login, async ({ body }, _req, res) => {
    const found = await accounts.findByEmail(body.email);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? null);
    if (!found || !ok) return sendError(res, { code: 'unauthorized', message: LOGIN_FAILED });
    const profile = await accounts.getUser(found.user.id);
    const { token } = await accounts.issueToken(
      found.user.id,
      'session',
      'login session',
      sessionTtlMs,
    );
    res.json({ user: userJson(found.user, profile!.settings), token });
  });

  return router;
}
