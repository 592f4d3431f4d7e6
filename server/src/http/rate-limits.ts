import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendError } from './http-errors.ts';

function ipKey(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

function limiter(
  limit: number,
  windowMs: number,
  what: string,
  keyGenerator: (req: Request, res: Response) => string,
  onlyFailures = false,
) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator,
    // "Failure" means a refused token (401), not a validation error or a 404.
    skipSuccessfulRequests: onlyFailures,
    requestWasSuccessful: (_req: Request, res: Response) => res.statusCode !== 401,
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

/**
 * Per token, after authentication: a Custom GPT shares OpenAI's egress IPs with everyone
 * else, so the token is the caller. Only valid tokens get a bucket of their own.
 */
export function apiRateLimit(perMinute: number) {
  return limiter(perMinute, 60_000, 'requests', (_req, res) => {
    const tokenId = (res.locals.caller as { tokenId?: string } | undefined)?.tokenId;
    return tokenId ? `t:${tokenId}` : 'anonymous';
  });
}

/** Per IP, counting only refused requests: guessing tokens costs the guesser, not the users. */
export function badTokenRateLimit(per15Minutes: number) {
  return limiter(per15Minutes, 15 * 60_000, 'requests with a bad token', ipKey, true);
}

/** Stricter, per IP: password guessing and account creation. */
export function authRateLimit(per15Minutes: number) {
  return limiter(per15Minutes, 15 * 60_000, 'sign-in attempts', ipKey);
}
