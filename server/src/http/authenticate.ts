import type { NextFunction, Request, Response } from 'express';
import type { AccountRepository, Caller } from '../accounts/account-repository.ts';
import { sendError } from './http-errors.ts';

/** Resolves `Authorization: Bearer <token>` to the caller; 401 otherwise. */
export function authenticate(accounts: AccountRepository) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = match ? await accounts.findCaller(match[1]!) : null;
    if (!caller) {
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
