import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type Logger } from 'pino';
import type { Express, Request, RequestHandler } from 'express';
// Its declarations type req.log and req.id, which httpLogger below sets.
import type {} from 'pino-http';

export function createLogger(
  options: { level: string; format: 'json' | 'pretty' },
  /** Where JSON lines go (tests); standard output otherwise. */
  destination?: pino.DestinationStream,
): Logger {
  const settings: pino.LoggerOptions = {
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
  };
  return destination ? pino(settings, destination) : pino(settings);
}

// A caller's own X-Request-ID is kept when it looks like an id, so logs join across services.
const INCOMING_ID = /^[\w.:-]{1,128}$/;

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && INCOMING_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
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
  const writeCompletion = completionWriter(logger);
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
      writeCompletion(level, {
        id,
        method: req.method,
        url: req.originalUrl,
        status,
        ms: Math.round(performance.now() - started),
        msg: aborted ? 'request aborted' : 'request completed',
      });
    });
    next();
  };
}

const { lsCacheSym, timeSym, chindingsSym, streamSym } = pino.symbols;

/**
 * The completion line, exactly as `logger[level]({request_id, req, res, responseTime}, msg)`
 * writes it (request-logging.test.ts compares the two), put together from the logger's own
 * parts under pino's exported symbols: its level prefixes, clock and stream, looked up once,
 * and its bindings (pid, hostname), read at each line as setBindings may change them. pino's generic path walks the object and
 * serialises each field on every request, a few per cent of a cheap request's CPU.
 */
function completionWriter(
  logger: Logger,
): (
  level: 'info' | 'warn' | 'error',
  line: { id: string; method: string; url: string; status: number; ms: number; msg: string },
) => void {
  const part = <T>(symbol: symbol) => (logger as unknown as Record<symbol, T>)[symbol]!;
  const prefixes = part<Record<number, string>>(lsCacheSym);
  const time = part<() => string>(timeSym);
  const stream = part<{ write(text: string): unknown }>(streamSym);
  return (level, line) =>
    stream.write(
      `${prefixes[logger.levels.values[level]!]}${time()}${part<string>(chindingsSym)}` +
        `,"request_id":${JSON.stringify(line.id)},"req":{"method":${JSON.stringify(line.method)},` +
        `"url":${JSON.stringify(line.url)}},"res":{"status":${line.status}},` +
        `"responseTime":${line.ms},"msg":${JSON.stringify(line.msg)}}\n`,
    );
}
