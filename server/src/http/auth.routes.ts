import { Router } from 'express';
import { z } from 'zod';
import type { AccountRepository, User } from '../accounts/account-repository.ts';
import { hashPassword, verifyPassword } from '../accounts/passwords.ts';
import { TimeZoneName, type UserSettings } from '../accounts/user-settings.ts';
import { errorBody, sendError, sendInvalid } from './http-errors.ts';

const Email = z
  .email({ error: 'email must be an email address' })
  .max(254, 'email must be at most 254 characters')
  .transform((e) => e.toLowerCase());
const Password = z
  .string({ error: 'password must be text' })
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');

const RegisterInput = z.strictObject({
  email: Email,
  password: Password,
  time_zone: TimeZoneName.optional(),
});
const LoginInput = z.strictObject({
  email: z.string({ error: 'email must be text' }).max(254),
  password: z.string({ error: 'password must be text' }).max(200),
});

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

  router.post('/register', async (req, res) => {
    const parsed = RegisterInput.safeParse(req.body ?? {});
    if (!parsed.success) return sendInvalid(res, parsed.error);
    const { email, password, time_zone } = parsed.data;
    const hash = await hashPassword(password);
    let user = await accounts.createUser(email, hash, time_zone ? { time_zone } : {});
    if (!user) {
      // Registering again with the same credentials is a login, so retries are harmless.
      const existing = await accounts.findByEmail(email);
      if (!existing || !(await verifyPassword(password, existing.passwordHash))) {
        return void res.status(409).json(errorBody('conflict', REGISTER_REFUSED));
      }
      user = existing.user;
    }
    const profile = await accounts.getUser(user.id);
    const { token } = await accounts.issueToken(user.id, 'session', 'login session', sessionTtlMs);
    res.status(201).json({ user: userJson(user, profile!.settings), token });
  });

  router.post('/login', async (req, res) => {
    const parsed = LoginInput.safeParse(req.body ?? {});
    if (!parsed.success) return sendInvalid(res, parsed.error);
    const found = await accounts.findByEmail(parsed.data.email);
    const ok = await verifyPassword(parsed.data.password, found?.passwordHash ?? null);
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
