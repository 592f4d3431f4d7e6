import { Router } from 'express';
import { mountRoute } from '../http/api-route.ts';
import { callerOf } from '../http/authenticate.ts';
import { sendError } from '../http/http-errors.ts';
import { EVENTS_ROUTE } from '../web/web.route-docs.ts';
import type { RevisionEvents } from './revision-events.ts';

// GET /api/events: Server-Sent Events. The first event is the current revision, then one
// per change; a comment every 25 s keeps proxies from closing an idle stream. The
// dashboard reloads what it shows when the revision moves.

const HEARTBEAT_MS = 25_000;

export function eventsRoutes(events: RevisionEvents | null): Router {
  const router = Router();
  mountRoute(router, EVENTS_ROUTE, async (_input, req, res) => {
    const caller = callerOf(res);
    if (!events) {
      return sendError(res, { code: 'unavailable', message: 'This server has no live updates' });
    }
    const revision = await caller.taskRevision();
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    const send = (revision: number) =>
      res.write(`event: revision\ndata: ${JSON.stringify({ task_revision: revision })}\n\n`);
    res.write('retry: 1000\n\n');
    send(revision);
    const unsubscribe = events.subscribe(caller.user.id, revision, send);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    req.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
  return router;
}
