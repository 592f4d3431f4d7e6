import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { sendError } from './http-errors.ts';

export function ipKey(req: Request): string {
  return `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
}

function limiter(
  limit: number,
  windowMs: number,
  what: string,
  keyGenerator: (req: Request, res: Response) => string,
) {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator,
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
 * Counts per key in fixed windows, in memory bounded by `maxKeys` (ended windows are swept
 * first, then the oldest half). A Map lookup per request: the hot path's limiter.
 */
export class FixedWindows {
  private readonly counts = new Map<string, { n: number; resetAt: number }>();
  private readonly windowMs: number;
  private readonly clock: () => number;
  private readonly maxKeys: number;

  constructor(windowMs: number, clock: () => number = Date.now, maxKeys = 100_000) {
    this.windowMs = windowMs;
    this.clock = clock;
    this.maxKeys = maxKeys;
  }

  /** Counts one hit; answers the count in this window and the seconds until it ends. */
  hit(key: string): { n: number; resetSeconds: number } {
    const now = this.clock();
    let entry = this.counts.get(key);
    if (!entry || entry.resetAt <= now) {
      if (!entry && this.counts.size >= this.maxKeys) this.sweep(now);
      entry = { n: 0, resetAt: now + this.windowMs };
      this.counts.set(key, entry);
    }
    entry.n++;
    return { n: entry.n, resetSeconds: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
  }

  private sweep(now: number): void {
    for (const [key, e] of this.counts) if (e.resetAt <= now) this.counts.delete(key);
    if (this.counts.size < this.maxKeys) return;
    let drop = this.counts.size >> 1;
    for (const key of this.counts.keys()) {
      if (drop-- <= 0) break;
      this.counts.delete(key);
    }
  }
}

/**
 * Per user, after authentication: a Custom GPT shares OpenAI's egress IPs with everyone
 * else, so the user is the caller; and per user rather than per token, so minting more
 * tokens buys no more requests. The RateLimit headers are IETF draft 7's, as before.
 */
export function apiRateLimit(perMinute: number, clock: () => number = Date.now): RequestHandler {
  const windows = new FixedWindows(60_000, clock);
  const policy = `${perMinute};w=60`;
  return (_req, res, next) => {
    const userId = (res.locals.caller as { user?: { id: string } } | undefined)?.user?.id;
    const { n, resetSeconds } = windows.hit(userId ? `u:${userId}` : 'anonymous');
    // Header names in lower case on the hot path: Node keys headers by the lower-case name,
    // and one already in lower case is not copied for that (create-app.ts securityHeaders).
    res.setHeader('ratelimit-policy', policy);
    res.setHeader(
      'ratelimit',
      `limit=${perMinute}, remaining=${Math.max(0, perMinute - n)}, reset=${resetSeconds}`,
    );
    if (n <= perMinute) return next();
    res.setHeader('Retry-After', String(resetSeconds));
    sendError(res, {
      code: 'rate_limited',
      message: `Too many requests; try again in ${resetSeconds} s`,
      details: { retry_after_seconds: resetSeconds },
    });
  };
}

/**
 * Refused credentials per key (the IP), in fixed windows. Only a refusal consults it: a
 * valid token is served whatever its IP's count, so guessing tokens from an address that
 * real users share (OpenAI's, for every Custom GPT) costs the guesser and no one else.
 */
export class FailedAuthLimiter {
  private readonly windows: FixedWindows;
  private readonly limit: number;

  constructor(limit: number, windowMs: number, clock: () => number = Date.now, maxKeys = 100_000) {
    this.limit = limit;
    this.windows = new FixedWindows(windowMs, clock, maxKeys);
  }

  /** Counts one refusal; answers the seconds to wait once past the limit, else null. */
  refused(key: string): number | null {
    const { n, resetSeconds } = this.windows.hit(key);
    return n > this.limit ? resetSeconds : null;
  }
}

/** The 429 a refused credential gets once its IP is past the limit. */
export function sendTooManyFailures(res: Response, seconds: number): void {
  res.setHeader('Retry-After', String(seconds));
  sendError(res, {
    code: 'rate_limited',
    message: `Too many requests with a bad token; try again in ${seconds} s`,
    details: { retry_after_seconds: seconds },
  });
}

/** Stricter, per IP: password guessing and account creation. */
export function authRateLimit(per15Minutes: number) {
  return limiter(per15Minutes, 15 * 60_000, 'sign-in attempts', ipKey);
}
