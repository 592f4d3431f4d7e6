import type { Server } from 'node:http';
import type { Logger } from 'pino';

// Stop accepting, let in-flight requests finish, then close what the server holds (the
// database last): a write that was acknowledged has committed before its response was
// sent, so nothing acknowledged is lost. Past the timeout, remaining connections are cut.

export interface GracefulShutdown {
  /** True once shutdown began: responses then ask clients to close keep-alive connections. */
  draining(): boolean;
  /** Stops `server` on SIGTERM and SIGINT, then runs `close` and exits 0. */
  watch(server: Server, close: () => Promise<void>): void;
}

export function gracefulShutdown(options: { logger: Logger; timeoutMs: number }): GracefulShutdown {
  const { logger, timeoutMs } = options;
  let draining = false;

  function stop(server: Server, close: () => Promise<void>, signal: string): void {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('shutdown timeout: closing remaining connections');
      server.closeAllConnections();
    }, timeoutMs);
    force.unref();
    server.close(async () => {
      await close();
      logger.info('stopped');
      logger.flush?.();
      process.exit(0);
    });
    // Keep-alive connections whose request was in flight become idle only later: close
    // them as they do, rather than waiting for the keep-alive timeout.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 50).unref();
  }

  return {
    draining: () => draining,
    watch(server, close) {
      process.on('SIGTERM', () => stop(server, close, 'SIGTERM'));
      process.on('SIGINT', () => stop(server, close, 'SIGINT'));
    },
  };
}
