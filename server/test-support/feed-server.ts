import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnFreePort } from '@mindflow/shared/testing';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A local HTTP server for ICS feeds: each path answers with its own handler. */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly hits: string[] = [];
  private server: Server | null = null;
  url = '';

  /** Serves `text` as text/calendar at `path`; answers the full URL. */
  serve(path: string, text: string): string {
    this.routes.set(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(text);
    });
    return `${this.url}${path}`;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://feed').pathname;
      this.hits.push(path);
      const route = this.routes.get(path);
      if (route) return route(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    });
    this.url = `http://127.0.0.1:${await listenOnFreePort(this.server)}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
