import { z } from 'zod';
import { defineRoute, ErrorBodySchema, type ResponseDoc } from '@mindflow/shared';

// The authorization server's routes, as /docs shows them. The protocol endpoints are the
// MCP SDK's handlers (their bodies are form-encoded, as OAuth has it); the connected-app
// routes are MindFlow's own, for the account pages.

const error = (description: string): ResponseDoc => ({ description, schema: ErrorBodySchema });
const oauthError = (description: string): ResponseDoc => ({
  description,
  schema: z.object({ error: z.string(), error_description: z.string().optional() }),
});
const HTML = (description: string): ResponseDoc => ({ description, contentType: 'text/html' });
const TAG = 'Connected apps (OAuth)';

export const ConnectedAppSchema = z.object({
  id: z.string(),
  name: z.string().meta({ description: 'The name the app registered with.' }),
  scopes: z
    .array(z.string())
    .meta({ description: 'tasks:read (read tasks), tasks:write (change tasks).' }),
  last_used_at: z.string().nullable(),
  created_at: z.string(),
});

const TokenAnswer = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number(),
  refresh_token: z.string(),
  scope: z.string(),
});

export const OAUTH_ROUTES = {
  authorizationServerMetadata: defineRoute({
    method: 'GET',
    path: '/.well-known/oauth-authorization-server',
    operationId: 'oauthAuthorizationServerMetadata',
    summary: 'OAuth authorization server metadata (RFC 8414)',
    description: 'Where to register, authorize, get and revoke tokens; PKCE S256 only.',
    tag: TAG,
    auth: false,
    responses: { '200': { description: 'The metadata', contentType: 'application/json' } },
  }),
  protectedResourceMetadata: defineRoute({
    method: 'GET',
    path: '/.well-known/oauth-protected-resource/mcp',
    operationId: 'oauthProtectedResourceMetadata',
    summary: 'Protected resource metadata of /mcp (RFC 9728)',
    description: 'Which authorization server issues tokens for /mcp, and its scopes.',
    tag: TAG,
    auth: false,
    responses: { '200': { description: 'The metadata', contentType: 'application/json' } },
  }),
  register: defineRoute({
    method: 'POST',
    path: '/register',
    operationId: 'oauthRegisterClient',
    summary: 'Register an app (RFC 7591)',
    description:
      'Dynamic client registration for public clients: redirect_uris must be https or loopback http; no secret is issued.',
    tag: TAG,
    auth: false,
    body: z.looseObject({
      redirect_uris: z.array(z.string()),
      client_name: z.string().optional(),
      token_endpoint_auth_method: z.string().optional(),
    }),
    responses: {
      '201': { description: 'The registered client', contentType: 'application/json' },
      '400': oauthError('invalid_client_metadata, naming the field'),
    },
  }),
  authorizeGet: defineRoute({
    method: 'GET',
    path: '/authorize',
    operationId: 'oauthAuthorize',
    summary: 'Sign in and approve an app',
    description:
      'Authorization code request (response_type=code, PKCE S256, exact redirect_uri): shows the sign-in and consent page.',
    tag: TAG,
    auth: false,
    responses: {
      '200': HTML('The sign-in and consent page'),
      '302': { description: 'An error sent back to the app’s registered redirect_uri' },
      '400': HTML('Unknown app or redirect_uri: an error page, never a redirect'),
    },
  }),
  authorizePost: defineRoute({
    method: 'POST',
    path: '/authorize',
    operationId: 'oauthAuthorizePost',
    summary: 'Sign in and approve an app (form post)',
    description: 'As GET /authorize, with the parameters form-encoded.',
    tag: TAG,
    auth: false,
    responses: {
      '200': HTML('The sign-in and consent page'),
      '400': HTML('Unknown app or redirect_uri: an error page, never a redirect'),
    },
  }),
  consent: defineRoute({
    method: 'POST',
    path: '/oauth/consent',
    operationId: 'oauthConsent',
    summary: 'The consent form’s answer',
    description:
      'Allow (with email and password) sends a single-use code to the app; Deny sends access_denied.',
    tag: TAG,
    auth: false,
    responses: {
      '302': { description: 'Back to the app with code and state, or with an error' },
      '400': HTML('Unknown app or redirect_uri'),
      '401': HTML('The consent page again: the email or password is wrong'),
    },
  }),
  token: defineRoute({
    method: 'POST',
    path: '/token',
    operationId: 'oauthToken',
    summary: 'Get tokens',
    description:
      'Form-encoded: grant_type=authorization_code (code, code_verifier, redirect_uri) or refresh_token (rotated; a reused one revokes the connection).',
    tag: TAG,
    auth: false,
    responses: {
      '200': { description: 'An access token (1 hour) and a refresh token', schema: TokenAnswer },
      '400': oauthError('invalid_grant, invalid_request …'),
    },
  }),
  revoke: defineRoute({
    method: 'POST',
    path: '/revoke',
    operationId: 'oauthRevoke',
    summary: 'Revoke a token (RFC 7009)',
    description:
      'Form-encoded token and client_id; a refresh token takes its whole connection with it.',
    tag: TAG,
    auth: false,
    responses: {
      '200': { description: 'Revoked (or already unknown)', contentType: 'application/json' },
      '400': oauthError('invalid_request or invalid_client'),
    },
  }),
};

export const CONNECTED_APP_ROUTES = {
  list: defineRoute({
    method: 'GET',
    path: '/api/connected-apps',
    operationId: 'listConnectedApps',
    summary: 'Apps connected to your account',
    description: 'ChatGPT, Claude, Cursor … each with what it may do and when it was last used.',
    tag: 'Accounts',
    auth: true,
    responses: {
      '200': {
        description: 'The apps',
        schema: z.object({ apps: z.array(ConnectedAppSchema) }),
      },
      default: error('An error with a stable code'),
    },
  }),
  disconnect: defineRoute({
    method: 'DELETE',
    path: '/api/connected-apps/:id',
    operationId: 'disconnectApp',
    summary: 'Disconnect an app',
    description: 'Its tokens stop working at once.',
    tag: 'Accounts',
    auth: true,
    params: z.object({ id: z.string().max(100) }),
    responses: {
      '204': { description: 'Disconnected' },
      '404': error('No such app connected to your account'),
      default: error('An error with a stable code'),
    },
  }),
};
