import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import type { RouteDoc } from '@mindflow/shared';
import { sendInvalid } from './http-errors.ts';

// A route that is not a catalogue operation (accounts, tokens, the email preview …) is
// declared once as a RouteDoc: the /docs page reads it, and mountRoute parses the request
// with the same schemas before the handler sees it.

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<R extends RouteDoc> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}

export interface MountOptions {
  /** The handler validates the body itself (the documented schema only describes it). */
  rawBody?: boolean;
}

export function mountRoute<R extends RouteDoc>(
  router: Router,
  route: R,
  handler: (input: RouteInput<R>, req: Request, res: Response) => Promise<void> | void,
  options: MountOptions = {},
): void {
  const verb = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
  const parts = [
    ['params', route.params, (req: Request) => req.params],
    ['query', route.query, (req: Request) => req.query],
    ['body', options.rawBody ? undefined : route.body, (req: Request) => req.body ?? {}],
  ] as const;
  router[verb](route.path, async (req: Request, res: Response) => {
    const input: Record<string, unknown> = {
      body: options.rawBody ? ((req.body as unknown) ?? {}) : undefined,
    };
    for (const [key, schema, read] of parts) {
      if (!schema) continue;
      const parsed = schema.safeParse(read(req));
      if (!parsed.success) return sendInvalid(res, parsed.error);
      input[key] = parsed.data;
    }
    await handler(input as unknown as RouteInput<R>, req, res);
  });
}
