import type { NextFunction, Request, Response } from 'express';
import type { AccountRepository, Caller } from '../accounts/account-repository.ts';
import { sendError } from './http-errors.ts';
import { ipKey, sendTooManyFailures, type FailedAuthLimiter } from './rate-limits.ts';

/**
 * Resolves `Authorization: Bearer <token>` to the caller; 401 otherwise, or 429 once the
 * IP has had too many refusals. The limiter is asked only after a refusal, so a valid
 * token always passes, whatever others sent from the same address.
 */
export function authenticate(accounts: AccountRepository, failures?: FailedAuthLimiter) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? await accounts.findCaller(match[1]!) : null;
    if (!caller) {
      const wait = failures?.refused(ipKey(req)) ?? null;
      if (wait !== null) return sendTooManyFailures(res, wait);
      res.setHeader('WWW-Authenticate', 'Bearer');
      sendError(res, {
        code: 'unauthorized',
        message: match
          ? 'The token is unknown, revoked or expired'
          : 'Send a token: Authorization: Bearer mf_… (POST /api/auth/login or /api/tokens)',
      });
      return;
    }
    res.locals.caller = caller;
    next();
  };
}

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('callerOf: route mounted without authenticate()');
  return caller;
}
