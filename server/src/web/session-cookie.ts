import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../http/http-errors.ts';

// The dashboard signs in with a session cookie instead of a Bearer header: the session
// token (an api_tokens row of kind 'session') travels in an HttpOnly, SameSite=Lax cookie,
// so page scripts never hold it. Writes made with the cookie must prove they come from
// this site: the Origin (or Referer) is this server's, and an X-CSRF-Token header carries
// the session's CSRF token, an HMAC of the session token that a page reads from
// GET /api/session. A request with an Authorization header ignores the cookie entirely, so
// API clients keep working exactly as before.

export const SESSION_COOKIE = 'mf_session';
/** The CSRF token again, readable by this site's pages (/docs reads it for its try-it). */
export const CSRF_COOKIE = 'mf_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's CSRF token: derived, so nothing more is stored, and useless without the cookie. */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('mindflow csrf v1').digest('base64url');
}

export function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

function secureRequest(req: Request, publicUrl: string | null): boolean {
  return req.secure || (publicUrl?.startsWith('https:') ?? false);
}

export function setSessionCookie(
  req: Request,
  res: Response,
  token: string,
  ttlMs: number,
  publicUrl: string | null,
): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureRequest(req, publicUrl),
    path: '/',
    maxAge: ttlMs,
  });
  res.cookie(CSRF_COOKIE, csrfTokenOf(token), {
    httpOnly: false,
    sameSite: 'lax',
    secure: secureRequest(req, publicUrl),
    path: '/',
    maxAge: ttlMs,
  });
}

export function clearSessionCookie(req: Request, res: Response, publicUrl: string | null): void {
  const secure = secureRequest(req, publicUrl);
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  res.clearCookie(CSRF_COOKIE, { sameSite: 'lax', secure, path: '/' });
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Why a cookie-authenticated write is refused; null when it may proceed. */
export function csrfProblem(
  req: Request,
  sessionToken: string,
  publicUrl: string | null,
): string | null {
  const own = new Set(
    [
      originOf(`${req.protocol}://${req.get('host') ?? ''}`),
      originOf(publicUrl ?? undefined),
    ].filter((o): o is string => o !== null),
  );
  const from = originOf(req.get('origin')) ?? originOf(req.get('referer'));
  if (!from || !own.has(from)) {
    return 'A write with the session cookie must come from this site (Origin header)';
  }
  const sent = Buffer.from(req.get(CSRF_HEADER) ?? '');
  const expected = Buffer.from(csrfTokenOf(sessionToken));
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) {
    return `A write with the session cookie needs the ${CSRF_HEADER} header from GET /api/session`;
  }
  return null;
}

/**
 * Before authenticate(): a request without Authorization but with the session cookie is
 * authenticated with the cookie's token, after the CSRF checks for a write.
 */
export function sessionCookieAuth(publicUrl: string | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.get('authorization')) return next();
    const token = readCookie(req, SESSION_COOKIE);
    if (!token) return next();
    if (!SAFE_METHODS.has(req.method)) {
      const problem = csrfProblem(req, token, publicUrl);
      if (problem) return sendError(res, { code: 'unauthorized', message: problem }, 403);
    }
    req.headers.authorization = `Bearer ${token}`;
    res.locals.sessionToken = token;
    next();
  };
}

/** The token the request authenticated with, when it came from the cookie. */
export function sessionTokenOf(res: Response): string | null {
  return (res.locals.sessionToken as string | undefined) ?? null;
}
