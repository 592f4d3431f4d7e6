import { Router, type Request, type RequestHandler, type Response } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Logger } from 'pino';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import type { McpAuthExtra } from '../oauth/oauth-provider.ts';
import { resourceUrlOf, MCP_PATH } from '../oauth/oauth-routes.ts';
import { baseUrlOf, hostGuard, type PublicOrigin } from '../oauth/public-origin.ts';
import { createMcpServer } from './mcp-server.ts';

// POST /mcp: MCP Streamable HTTP, stateless (no session: any instance answers any request),
// JSON answers. Host and Origin are checked first (DNS rebinding), then the Bearer token
// (an OAuth access token or a personal mf_ token); a request without one gets 401 with
// WWW-Authenticate naming the protected-resource metadata, where discovery starts.

export interface McpRouteDeps {
  executor: OperationExecutor;
  origin: PublicOrigin;
  /** Verifies a Bearer token for the resource (the /mcp URL) it is presented to. */
  verify: (token: string, resource: string) => ReturnType<OAuthTokenVerifier['verifyAccessToken']>;
  version: string;
  logger?: Logger;
  /** Per-token request limit, run once the caller is known (the API's). */
  limit?: RequestHandler;
}

function methodNotAllowed(_req: Request, res: Response): void {
  res
    .status(405)
    .setHeader('Allow', 'POST')
    .json({
      jsonrpc: '2.0',
      error: { code: -32000, message: 'This server is stateless: send JSON-RPC with POST /mcp' },
      id: null,
    });
}

export function mcpRoutes(deps: McpRouteDeps): Router {
  const router = Router();
  const guard = hostGuard(deps.origin);
  const bearers = new Map<string, RequestHandler>();
  const bearer: RequestHandler = (req, res, next) => {
    const resource = resourceUrlOf(baseUrlOf(req, deps.origin));
    let handler = bearers.get(resource.href);
    if (!handler) {
      handler = requireBearerAuth({
        verifier: { verifyAccessToken: (token) => deps.verify(token, resource.href) },
        resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resource),
      });
      bearers.set(resource.href, handler);
    }
    handler(req, res, next);
  };

  // The caller, where the API's per-token limiter looks for it.
  const identify: RequestHandler = (req, res, next) => {
    res.locals.caller = (req.auth!.extra as McpAuthExtra).caller;
    next();
  };
  const limit = deps.limit ?? ((_req, _res, next) => next());

  router.post(MCP_PATH, guard, bearer, identify, limit, async (req, res) => {
    const auth = req.auth!;
    const { caller } = auth.extra as McpAuthExtra;
    const header = req.get('idempotency-key');
    const server = createMcpServer({
      caller: () => Promise.resolve(caller),
      scopes: auth.scopes,
      executor: deps.executor,
      idempotencyKey: header,
      version: deps.version,
      onError: (error, operation) =>
        deps.logger?.error({ err: error, operation }, 'MCP operation failed'),
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    // A finished exchange leaves nothing open (no session, no timer): server and transport
    // are garbage once the answer is sent. Closing them anyway builds and throws away an
    // error for every request — half of a tool call's CPU — so only an exchange the
    // client abandoned is closed, which stops its pending work.
    res.on('close', () => {
      if (!res.writableFinished) void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, req.body);
  });
  router.get(MCP_PATH, guard, bearer, methodNotAllowed);
  router.delete(MCP_PATH, guard, bearer, methodNotAllowed);
  return router;
}
