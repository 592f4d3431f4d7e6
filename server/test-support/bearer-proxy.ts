import { createServer, request, type Server } from 'node:http';
import { listenOnFreePort } from '@mindflow/shared/testing';

// A pass-through in front of the server that adds one header: Authorization: Bearer …. The
// MCP conformance suite cannot send a token, so this is how it reaches the authenticated
// /mcp; Host, Origin and the body go through unchanged, so the server still judges them.

export async function startBearerProxy(
  target: string,
  token: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const to = new URL(target);
  const server: Server = createServer((req, res) => {
    const upstream = request(
      {
        hostname: to.hostname,
        port: to.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, authorization: `Bearer ${token}` },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const port = await listenOnFreePort(server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
