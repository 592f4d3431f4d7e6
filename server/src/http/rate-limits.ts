import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { hashToken } from '../accounts/api-tokens.ts';
import { sendError } from './http-errors.ts';

// One bucket per token when a Bearer token is sent (a Custom GPT shares IPs with everyone
// else on OpenAI's egress), per IP otherwise.
function keyOf(req: Request): string {
  const auth = req.get('authorization');
  if (auth?.startsWith('Bearer ')) return `t:${hashToken(auth.slice(7).trim())}`;
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

function limiter(limit: number, windowMs: number, what: string) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: keyOf,
    handler: (req: Request, res: Response, _next: NextFunction) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset
        ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000))
        : Math.ceil(windowMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      sendError(res, {
        code: 'rate_limited',
        message: `Too many ${what}; try again in ${seconds} s`,
        details: { retry_after_seconds: seconds },
      });
    },
  });
}

export function apiRateLimit(perMinute: number) {
  return limiter(perMinute, 60_000, 'requests');
}

/** Stricter: password guessing and account creation. */
export function authRateLimit(per15Minutes: number) {
  return limiter(per15Minutes, 15 * 60_000, 'sign-in attempts');
}
