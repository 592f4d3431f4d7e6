import type { RouteDoc } from '@mindflow/shared';
import { MCP_ROUTES } from '../mcp/mcp.route-docs.ts';
import { CONNECTED_APP_ROUTES, OAUTH_ROUTES } from '../oauth/oauth.route-docs.ts';
import { ACCOUNT_ROUTES, AUTH_ROUTES } from './account.route-docs.ts';
import { CHAT_ROUTES } from './chat.route-docs.ts';
import { PLAN_EMAIL_ROUTE } from './plan-email.routes.ts';
import { SYSTEM_ROUTES } from './system.routes.ts';
import { WEB_ROUTE_DOCS } from '../web/web-routes.ts';

/**
 * Every route that is not a catalogue operation, as /docs describes it. A new route
 * declares its RouteDoc beside its handler (mounted with mountRoute) and is listed here;
 * a test fails for a mounted route that is missing.
 */
export const API_ROUTE_DOCS: readonly RouteDoc[] = [
  ...Object.values(AUTH_ROUTES),
  ...Object.values(ACCOUNT_ROUTES),
  PLAN_EMAIL_ROUTE,
  ...Object.values(SYSTEM_ROUTES),
  ...Object.values(CHAT_ROUTES),
  ...Object.values(MCP_ROUTES),
  ...Object.values(OAUTH_ROUTES),
  ...Object.values(CONNECTED_APP_ROUTES),
  ...WEB_ROUTE_DOCS,
];
