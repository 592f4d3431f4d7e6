import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import type { Express, Request, RequestHandler } from 'express';
// Its declarations type req.log and req.id, which httpLogger below sets.
import type {} from 'pino-http';

export function createLogger(options: { level: string; format: 'json' | 'pretty' }): Logger {
  return pino({
    level: options.level,
    // No `redact`: pino-http builds a child logger per request and redaction made that the
    // costliest step; instead the serializers below never log headers or bodies, so
    // credentials cannot reach a log line.
    ...(options.format === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}

// A caller's own X-Request-ID is kept when it looks like an id, so logs join across services.
const INCOMING_ID = /^[\w.:-]{1,128}$/;

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && INCOMING_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-ID', id);
  return id;
}

const CHILD = Symbol('request logger');

/**
 * Every request gets an id, echoed in X-Request-ID and carried by every log line: the
 * completion line (method, url, status, time) and each line a handler writes with req.log.
 * pino-http made a child logger and ran its serializers for every request, the costliest
 * step of a cheap request; here req.log's child is made only when a handler logs, and the
 * completion line is one call on the root logger.
 *
 * req.log is a getter on the app's request prototype, defined once: defining it on each
 * request turned every request object into a slow dictionary for the rest of its life.
 */
export function httpLogger(app: Express, logger: Logger): RequestHandler {
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Request & { [CHILD]?: Logger }): Logger {
      return (this[CHILD] ??= logger.child({ request_id: this.id }));
    },
  });
  return (req, res, next) => {
    const id = requestId(req, res);
    const started = performance.now();
    req.id = id;
    // 'close' follows 'finish' on every response, and comes alone when the client left.
    res.once('close', () => {
      const status = res.statusCode;
      const aborted = !res.writableFinished;
      const level = status >= 500 ? 'error' : status >= 400 || aborted ? 'warn' : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        {
          request_id: id,
          req: { method: req.method, url: req.originalUrl },
          res: { status },
          responseTime: Math.round(performance.now() - started),
        },
        aborted ? 'request aborted' : 'request completed',
      );
    });
    next();
  };
}
