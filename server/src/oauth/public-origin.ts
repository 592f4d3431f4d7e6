import type { Request, RequestHandler } from 'express';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';

// Where MCP clients reach this server, and the DNS-rebinding defence that goes with it: a
// request for /mcp or the OAuth endpoints must name this server in its Host header
// (PUBLIC_URL's host, or a loopback name), and a browser's Origin must be one of ours.

export interface PublicOrigin {
  /** PUBLIC_URL: the https address clients paste; null on a local server. */
  publicUrl: URL | null;
  /** Host names (no port) a request may carry in its Host header. */
  allowedHostnames: readonly string[];
  /** Browser origins allowed besides this server's own (CORS_ORIGINS). */
  corsOrigins: readonly string[];
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

export function publicOrigin(
  publicUrl: string | null,
  corsOrigins: readonly string[] = [],
): PublicOrigin {
  const url = publicUrl ? new URL(publicUrl) : null;
  return {
    publicUrl: url,
    allowedHostnames: url ? [...new Set([url.hostname, ...LOOPBACK])] : LOOPBACK,
    corsOrigins,
  };
}

/** PUBLIC_URL, or (on a loopback server, the Host already checked) the address asked. */
export function baseUrlOf(req: Request, origin: PublicOrigin): URL {
  if (origin.publicUrl) return new URL('/', origin.publicUrl);
  return new URL(`${req.protocol}://${req.get('host') ?? '127.0.0.1'}/`);
}

/** 403 for a Host this server does not answer to, or a browser Origin that is not ours. */
export function hostGuard(origin: PublicOrigin): RequestHandler {
  const host = hostHeaderValidation([...origin.allowedHostnames]);
  // Host headers the SDK's check accepted (it parses each as a URL): the few a server is
  // reached by pass at once.
  const accepted = new Set<string>();
  const checkHost: RequestHandler = (req, res, next) => {
    const value = req.headers.host;
    if (value !== undefined && accepted.has(value)) return next();
    host(req, res, () => {
      if (value !== undefined && accepted.size < 32) accepted.add(value);
      next();
    });
  };
  return (req, res, next) => {
    checkHost(req, res, () => {
      const from = req.get('origin');
      if (from === undefined || from === 'null' || origin.corsOrigins.includes(from)) {
        // 'null' is what a browser sends after a cross-origin redirect: it cannot read the answer.
        return next();
      }
      let hostname: string;
      try {
        hostname = new URL(from).hostname;
      } catch {
        hostname = '';
      }
      const ours = baseUrlOf(req, origin).origin;
      if (from === ours || (origin.publicUrl === null && LOOPBACK.includes(hostname)))
        return next();
      res.status(403).json({
        jsonrpc: '2.0',
        error: { code: -32000, message: `Invalid Origin: ${from}` },
        id: null,
      });
    });
  };
}
