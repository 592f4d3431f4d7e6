import { Router, type Request, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { AssistantEvent } from '@mindflow/shared';
import type { ChatService } from '../assistant/chat-service.ts';
import { mountRoute } from './api-route.ts';
import { callerOf } from './authenticate.ts';
import { CHAT_ROUTES } from './chat.route-docs.ts';
import { sendError } from './http-errors.ts';

// POST /api/chat (JSON, or SSE with Accept: text/event-stream), confirm/cancel of a pending
// action, and reading or deleting a conversation. Each person has their own conversations
// and their own budget of messages a minute (a model costs money).

export interface ChatRouteDeps {
  service: ChatService;
  /** CHAT_RATE_LIMIT_PER_MINUTE. */
  ratePerMinute: number;
}

function perUserLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => `chat:${callerOf(res).user.id}`,
    handler: (_req: Request, res: Response) => {
      res.setHeader('Retry-After', '60');
      sendError(res, {
        code: 'rate_limited',
        message: `Too many chat messages: at most ${perMinute} a minute; try again shortly`,
        details: { retry_after_seconds: 60 },
      });
    },
  });
}

function wantsStream(req: Request): boolean {
  return (req.get('accept') ?? '').includes('text/event-stream');
}

function openStream(res: Response): (event: string, data: unknown) => void {
  res.status(200);
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Accel-Buffering', 'no');
  res.flushHeaders();
  return (event, data) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
}

function eventData(e: AssistantEvent): [string, unknown] {
  const { type, ...data } = e;
  return [type, data];
}

export function chatRoutes(deps: ChatRouteDeps): Router {
  const router = Router();
  const { service } = deps;
  router.use('/api/chat', perUserLimit(deps.ratePerMinute));

  mountRoute(router, CHAT_ROUTES.chat, async ({ body }, req, res) => {
    const caller = callerOf(res);
    const opened = await service.open(caller, body.conversation_id);
    if (!opened.ok) return sendError(res, { code: 'not_found', message: opened.message });
    if (!wantsStream(req)) {
      res.setHeader('Cache-Control', 'no-store');
      res.json(await service.turn(caller, opened.value, body.message));
      return;
    }
    const send = openStream(res);
    try {
      const answer = await service.turn(caller, opened.value, body.message, (e) =>
        send(...eventData(e)),
      );
      send('done', answer);
    } catch (error) {
      req.log.error({ err: error }, 'chat turn failed');
      send('error', {
        code: 'internal',
        message: 'The assistant failed; nothing more was changed.',
      });
    }
    res.end();
  });

  for (const decision of ['confirm', 'cancel'] as const) {
    mountRoute(router, CHAT_ROUTES[decision], async ({ body }, _req, res) => {
      const r = await service.answer(callerOf(res), body.conversation_id, body.action_id, decision);
      if (!r.ok) return sendError(res, { code: r.code, message: r.message });
      res.setHeader('Cache-Control', 'no-store');
      res.json(r.value);
    });
  }

  mountRoute(router, CHAT_ROUTES.get, async ({ params }, _req, res) => {
    const found = await service.get(callerOf(res), params.id);
    if (!found)
      return sendError(res, { code: 'not_found', message: `No conversation ${params.id}` });
    res.setHeader('Cache-Control', 'no-store');
    res.json(found);
  });

  mountRoute(router, CHAT_ROUTES.delete, async ({ params }, _req, res) => {
    if (!(await service.delete(callerOf(res), params.id))) {
      return sendError(res, { code: 'not_found', message: `No conversation ${params.id}` });
    }
    res.status(204).end();
  });
  return router;
}
