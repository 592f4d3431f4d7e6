import { defineRoute, type ResponseDoc } from '@mindflow/shared';

// /mcp as /docs shows it: JSON-RPC per the MCP specification, so the tools are listed by
// tools/list (they are the catalogue's operations), not here.

const JSON_RPC = (description: string): ResponseDoc => ({
  description,
  contentType: 'application/json',
});
const TAG = 'MCP';
const DESCRIPTION =
  'MCP Streamable HTTP (2025-06-18, 2025-11-25), stateless: initialize, tools/list, tools/call (one tool per catalogue operation), prompts, resources. Bearer: OAuth access token or mf_ token.';

export const MCP_ROUTES = {
  post: defineRoute({
    method: 'POST',
    path: '/mcp',
    operationId: 'mcp',
    summary: 'MCP server (ChatGPT, Claude, Cursor …)',
    description: DESCRIPTION,
    tag: TAG,
    auth: true,
    responses: {
      '200': JSON_RPC('The JSON-RPC answer'),
      '401': JSON_RPC('No valid token: WWW-Authenticate names the resource metadata'),
      '403': JSON_RPC('A Host or Origin this server does not answer to'),
    },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/mcp',
    operationId: 'mcpStream',
    summary: 'MCP event stream (not offered)',
    description: 'The server is stateless and answers every request in its response: 405.',
    tag: TAG,
    auth: true,
    responses: { '405': JSON_RPC('Use POST') },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/mcp',
    operationId: 'mcpEndSession',
    summary: 'End an MCP session (none to end)',
    description: 'The server keeps no sessions: 405.',
    tag: TAG,
    auth: true,
    responses: { '405': JSON_RPC('Use POST') },
  }),
};
