import { Router } from 'express';
import { callerOf } from '../http/authenticate.ts';
import { mountRoute } from '../http/api-route.ts';
import { sendError } from '../http/http-errors.ts';
import { CONNECTED_APP_ROUTES } from './oauth.route-docs.ts';
import type { OAuthStore } from './oauth-store.ts';

/** /api/connected-apps: the apps signed in through OAuth, and disconnecting one. */
export function connectedAppRoutes(store: OAuthStore): Router {
  const router = Router();
  mountRoute(router, CONNECTED_APP_ROUTES.list, async (_input, _req, res) => {
    res.json({ apps: await store.connectedApps(callerOf(res).user.id) });
  });
  mountRoute(router, CONNECTED_APP_ROUTES.disconnect, async ({ params }, _req, res) => {
    if (!(await store.revokeGrant(params.id, callerOf(res).user.id))) {
      return sendError(res, {
        code: 'not_found',
        message: `No connected app with id ${params.id}`,
      });
    }
    res.status(204).end();
  });
  return router;
}
