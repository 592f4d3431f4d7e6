import type { Server } from 'node:net';

/**
 * Starts a test server on a port the OS picks (port 0), on loopback unless told otherwise, so
 * test files running in parallel never collide and nothing listens beyond this machine.
 * Resolves with the port once it listens; rejects with the listen error instead of hanging.
 */
export function listenOnFreePort(server: Server, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`expected a TCP address, got ${String(address)}`));
      } else {
        resolve(address.port);
      }
    });
  });
}
