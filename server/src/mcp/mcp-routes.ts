import { Router, type Request, type RequestHandler, type Response } from 'express';
import { requireBearerAuth } from '@modelcontextprotocol/sdk/server/auth/middleware/bearerAuth.js';
import type { OAuthTokenVerifier } from '@modelcontextprotocol/sdk/server/auth/provider.js';
import { getOAuthProtectedResourceMetadataUrl } from '@modelcontextprotocol/sdk/server/auth/router.js';
import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import {
  JSONRPCRequestSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCRequest,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';
import { ipKey, sendTooManyFailures, type FailedAuthLimiter } from '../http/rate-limits.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import type { McpAuthExtra } from '../oauth/oauth-provider.ts';
import { resourceUrlOf, MCP_PATH } from '../oauth/oauth-routes.ts';
import { baseUrlOf, hostGuard, type PublicOrigin } from '../oauth/public-origin.ts';
import { answerJson, McpExchanges } from './mcp-exchanges.ts';
import { createMcpServer, type McpContext, type McpRequestExtra } from './mcp-server.ts';

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
  /** Refused tokens per IP (the API's limiter): guessing at /mcp is limited as at /api. */
  failures?: FailedAuthLimiter;
}

/** A verified token that has not expired (what the SDK's requireBearerAuth accepts). */
function usable(info: AuthInfo): boolean {
  return typeof info.expiresAt === 'number' && info.expiresAt >= Date.now() / 1000;
}

// The headers the SDK's transport reads (Accept, Content-Type, the protocol version and
// session id), and the one the tools read (Idempotency-Key); the rest stay on the Express
// request, where the routes read them.
const TRANSPORT_HEADERS = [
  'accept',
  'content-type',
  'mcp-protocol-version',
  'mcp-session-id',
  'idempotency-key',
] as const;

/** The caller of one request: its verified token, and its Idempotency-Key header. */
function contextOf(extra: McpRequestExtra): McpContext {
  const auth = extra.authInfo;
  if (!auth) throw new Error('an MCP request reached a tool without its verified token');
  const { caller } = auth.extra as McpAuthExtra;
  const header = extra.requestInfo?.headers['idempotency-key'];
  return {
    caller: () => Promise.resolve(caller),
    scopes: auth.scopes,
    idempotencyKey: typeof header === 'string' ? header : undefined,
  };
}

/**
 * The request, when it is the common case the pooled servers answer: one JSON-RPC request
 * (not initialize), as JSON, from a client that accepts a JSON answer, in a protocol version
 * this SDK speaks. Anything else — initialize, notifications, batches, malformed messages,
 * wrong headers — goes to the SDK's own transport, which answers it as the specification
 * says. The checks are the transport's, so both paths accept the same requests.
 */
function singleRequestOf(req: Request): JSONRPCRequest | null {
  const body = req.body as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  if ((body as { method?: unknown }).method === 'initialize') return null;
  const { accept, 'content-type': type } = req.headers;
  if (type !== 'application/json') return null;
  if (!accept?.includes('application/json') || !accept.includes('text/event-stream')) return null;
  const version = req.headers['mcp-protocol-version'];
  if (version !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(version as string)) {
    return null;
  }
  if (isPlainRequest(body)) return body;
  const parsed = JSONRPCRequestSchema.safeParse(body);
  return parsed.success ? parsed.data : null;
}

const REQUEST_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);

/**
 * A request JSONRPCRequestSchema accepts as it is, seen without zod: the four keys of a
 * request and no other, an integer or string id, params an object without _meta. (Any
 * other shape is left to the schema; this only saves parsing the common one.)
 */
function isPlainRequest(body: object): body is JSONRPCRequest {
  const { jsonrpc, id, method, params } = body as Record<string, unknown>;
  if (jsonrpc !== '2.0' || typeof method !== 'string') return false;
  if (typeof id !== 'string' && !Number.isSafeInteger(id)) return false;
  if (params !== undefined) {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
    if ('_meta' in params) return false;
  }
  for (const key in body) if (!REQUEST_KEYS.has(key)) return false;
  return true;
}

/**
 * The web-standard Request the SDK's transport takes, built directly from the parsed Express
 * request: the body is already parsed (passed as parsedBody), so the Request carries none,
 * and only the headers the transport reads. The SDK's Node transport instead converts the
 * whole Node request through @hono/node-server for every call — most of an MCP call's cost.
 */
function webRequestOf(req: Request, base: URL): globalThis.Request {
  const headers = new Headers();
  for (const name of TRANSPORT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  return new globalThis.Request(new URL(req.originalUrl, base), { method: req.method, headers });
}

/** Writes the transport's Response back through Express. */
async function sendWebResponse(response: globalThis.Response, res: Response): Promise<void> {
  res.status(response.status);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(response.body ? await response.text() : undefined);
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
  // The /mcp URL a request is for: PUBLIC_URL's, or on a loopback server the address asked
  // (the Host, already checked). Two URLs parsed per call otherwise; a few addresses at most.
  const resources = new Map<string, URL>();
  const resourceOf = (req: Request): URL => {
    const key = deps.origin.publicUrl ? '' : `${req.protocol}://${req.get('host')}`;
    let resource = resources.get(key);
    if (!resource) {
      resource = resourceUrlOf(baseUrlOf(req, deps.origin));
      if (resources.size >= 16) resources.clear();
      resources.set(key, resource);
    }
    return resource;
  };
  const bearers = new Map<string, RequestHandler>();
  const sdkBearer = (resource: URL): RequestHandler => {
    let handler = bearers.get(resource.href);
    if (!handler) {
      handler = requireBearerAuth({
        verifier: { verifyAccessToken: (token) => deps.verify(token, resource.href) },
        resourceMetadataUrl: getOAuthProtectedResourceMetadataUrl(resource),
      });
      bearers.set(resource.href, handler);
    }
    return handler;
  };
  // A valid token passes at once (the limiter is asked only after a refusal, so valid
  // credentials from an address others guess from are never blocked). A refused one
  // counts against its IP: past the limit it gets 429, else the SDK's 401 with
  // WWW-Authenticate naming the protected-resource metadata.
  const bearer: RequestHandler = async (req, res, next) => {
    const resource = resourceOf(req);
    const token = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (token !== undefined) {
      try {
        const info = await deps.verify(token, resource.href);
        if (usable(info)) {
          req.auth = info;
          return next();
        }
      } catch (error) {
        // Not a refusal (the store failed): the SDK's handler answers it.
        if (!(error instanceof InvalidTokenError)) return sdkBearer(resource)(req, res, next);
      }
    }
    const wait = deps.failures?.refused(ipKey(req)) ?? null;
    if (wait !== null) return sendTooManyFailures(res, wait);
    return sdkBearer(resource)(req, res, next);
  };

  // The caller, where the API's per-token limiter looks for it.
  const identify: RequestHandler = (req, res, next) => {
    res.locals.caller = (req.auth!.extra as McpAuthExtra).caller;
    next();
  };
  const limit = deps.limit ?? ((_req, _res, next) => next());

  const serverDeps = {
    contextOf,
    executor: deps.executor,
    version: deps.version,
    onError: (error: unknown, operation: string) =>
      deps.logger?.error({ err: error, operation }, 'MCP operation failed'),
  };
  const exchanges = new McpExchanges(() => createMcpServer(serverDeps));

  router.post(MCP_PATH, guard, bearer, identify, limit, async (req, res) => {
    const auth = req.auth!;
    const request = singleRequestOf(req);
    if (request) {
      const header = req.headers['idempotency-key'];
      const extra = {
        authInfo: auth,
        requestInfo: { headers: header === undefined ? {} : { 'idempotency-key': header } },
      };
      const answer = await exchanges.exchange(request, extra, (abandon) =>
        res.on('close', () => {
          if (!res.writableFinished) abandon();
        }),
      );
      if (answer === undefined) return;
      // What the SDK's transport answers in JSON-response mode, byte for byte.
      res.status(200).setHeader('content-type', 'application/json');
      res.end(answerJson(answer));
      return;
    }
    const server = createMcpServer(serverDeps);
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    // A finished exchange leaves nothing open (no session, no timer): server and transport
    // are garbage once the answer is sent. Closing them anyway builds and throws away an
    // error for every request, so only an exchange the client abandoned is closed, which
    // stops its pending work.
    res.on('close', () => {
      if (!res.writableFinished) void server.close();
    });
    await server.connect(transport);
    const response = await transport.handleRequest(webRequestOf(req, baseUrlOf(req, deps.origin)), {
      authInfo: auth,
      parsedBody: req.body as unknown,
    });
    await sendWebResponse(response, res);
  });
  router.get(MCP_PATH, guard, bearer, methodNotAllowed);
  router.delete(MCP_PATH, guard, bearer, methodNotAllowed);
  return router;
}
