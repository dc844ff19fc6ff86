import { connect } from 'node:net';

/** A raw TCP client that writes HTTP by hand, as slowly as a test wants. */
export interface SlowClient {
  write(text: string): void;
  /** Sends `text` again every `everyMs` until the server closes the connection. */
  trickle(text: string, everyMs: number): void;
  /** Resolves once something arrives, with what has arrived so far. */
  firstData: Promise<string>;
  /** Resolves once the connection is closed, with everything the server sent. */
  closed: Promise<string>;
  destroy(): void;
}

export function openSlowClient(port: number, host: string): Promise<SlowClient> {
  const socket = connect(port, host);
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  const firstData = new Promise<string>((resolve) => {
    socket.once('data', () => setImmediate(() => resolve(received)));
  });
  socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
  // A reset after the server's answer is still the end of the connection.
  socket.on('error', () => undefined);
  const closed = new Promise<string>((resolve) => {
    socket.once('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
  const client: SlowClient = {
    write: (text) => socket.write(text),
    trickle: (text, everyMs) => {
      timer = setInterval(() => socket.write(text), everyMs);
    },
    firstData,
    closed,
    destroy: () => {
      clearInterval(timer);
      socket.destroy();
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('error', reject);
  });
}

/** The promise's value, or a failure naming what was awaited once `limitMs` has passed. */
export async function within<T>(promise: Promise<T>, limitMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Still waiting ${what} after ${limitMs} ms.`)),
      limitMs,
    );
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
