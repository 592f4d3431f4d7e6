import type { NextFunction, Request, Response } from 'express';
import { errorBody, sendError } from './http-errors.ts';

// The last two handlers: a route nobody serves, and anything a route threw (Express 5
// forwards rejected promises here). Body-parser's errors carry their own type; the rest
// is logged with the request id and answered without a stack trace.

export function routeNotFound(req: Request, res: Response): void {
  sendError(res, { code: 'not_found', message: `No route ${req.method} ${req.path}` });
}

function bodyProblem(type: string | undefined, bodyLimit: string) {
  if (type === 'entity.too.large') {
    const message = `The body must be at most ${bodyLimit}`;
    return {
      status: 413,
      body: errorBody('validation_failed', `The body is larger than ${bodyLimit}`, [
        { field: '', rule: 'max_size', message },
      ]),
    };
  }
  if (
    type === 'entity.parse.failed' ||
    type === 'encoding.unsupported' ||
    type === 'charset.unsupported'
  ) {
    const message = 'The body is not valid JSON';
    return {
      status: 400,
      body: errorBody('validation_failed', message, [{ field: '', rule: 'json', message }]),
    };
  }
  return null;
}

export function errorHandler(bodyLimit: string) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = error as { type?: string; name?: string };
    const problem = bodyProblem(e.type, bodyLimit);
    if (problem) return void res.status(problem.status).json(problem.body);
    if (e.name === 'StoreUnavailableError') {
      res.setHeader('Retry-After', '5');
      return sendError(res, {
        code: 'unavailable',
        message: 'The database is unavailable right now; try again shortly',
      });
    }
    req.log.error({ err: error }, 'unhandled error');
    sendError(res, {
      code: 'internal',
      message: 'Something went wrong on our side; the error has been logged',
    });
  };
}
