import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort } from './listen-on-free-port.ts';

const open: Server[] = [];
function server(): Server {
  const s = createServer((_req, res) => res.end('hello'));
  open.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('listenOnFreePort', () => {
  it('answers on loopback at the port it resolves with, a different one per server', async () => {
    const [a, b] = await Promise.all([listenOnFreePort(server()), listenOnFreePort(server())]);
    expect(a).not.toBe(b);
    expect(await (await fetch(`http://127.0.0.1:${a}/`)).text()).toBe('hello');
    expect(open[0]!.address()).toMatchObject({ address: '127.0.0.1', port: a });
  });

  it('rejects with the listen error instead of hanging', async () => {
    // 192.0.2.1 (TEST-NET-1) is never an address of this machine.
    await expect(listenOnFreePort(server(), '192.0.2.1')).rejects.toThrow(/EADDRNOTAVAIL/);
  });
});
