import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';

/** A port on loopback that nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.unref();
  // Stryker disable next-line StringLiteral: a port free on every interface is free on loopback too; loopback only spares a firewall prompt, which no test can see
  server.listen(0, '127.0.0.1');
  // Rejects if the server emits 'error' instead.
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  return port;
}
