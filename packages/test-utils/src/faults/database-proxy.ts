import { once } from 'node:events';
import net from 'node:net';

/**
 * A TCP proxy between an app and its PostgreSQL server, for tests of what the app does when
 * the database goes away. It cuts the app's connections the way a crashed server, a failover
 * or a network fault does, without touching the server that other test files share.
 */
export interface DatabaseProxy {
  /** The database's URL, through the proxy: give the app this one instead. */
  url: string;
  /** The database goes away: open connections are reset, new ones are reset on arrival. */
  cut(): void;
  /** The database is back: new connections reach it again. */
  restore(): void;
  /** Resets every connection and stops listening. */
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port to the server of `databaseUrl`. */
export async function proxyDatabase(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  const upstream = { host: target.hostname, port: Number(target.port || 5432) };
  const open = new Set<net.Socket>();
  let down = false;

  const track = (socket: net.Socket) => {
    open.add(socket);
    // Stryker disable next-line StringLiteral,ArrowFunction: a closed socket kept in the set costs only memory; destroying it again does nothing
    socket.on('close', () => open.delete(socket));
  };
  const server = net.createServer((client) => {
    if (down) {
      client.resetAndDestroy();
      return;
    }
    const database = net.connect(upstream);
    track(client);
    track(database);
    // Either side failing ends both, as a broken network path would.
    client.on('error', () => database.destroy());
    database.on('error', () => client.resetAndDestroy());
    client.pipe(database).pipe(client);
  });
  const resetAll = () => {
    for (const socket of open) {
      // One whose end is already on its way cannot be reset: the system refuses, and its
      // handle, left open, keeps the event loop spinning.
      if (socket.writableEnded) socket.destroy();
      else socket.resetAndDestroy();
    }
  };

  await once(server.listen(0, '127.0.0.1'), 'listening');
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as net.AddressInfo).port);

  return {
    url: proxied.toString(),
    cut: () => {
      down = true;
      resetAll();
    },
    restore: () => {
      down = false;
    },
    close: () => {
      resetAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
