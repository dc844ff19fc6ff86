// Unit test with real sockets, no database: the embedded server's port is one that nothing listens on.
import { createServer } from 'node:net';
import { findFreePort } from '../../src/database/free-port';

describe('findFreePort', () => {
  it('returns a loopback port that can be listened on at once', async () => {
    const port = await findFreePort();
    const server = createServer();

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject).listen(port, '127.0.0.1', resolve);
    });
    server.close();

    expect(port).toBeGreaterThan(0);
  });
});
