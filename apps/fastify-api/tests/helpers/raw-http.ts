import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

/**
 * Writes `text` to the server on a connection of its own, and resolves with everything the
 * server sent once it closes: for requests supertest would not send as written (no length, a
 * chunked body sent whole).
 */
export function sendRaw(server: Server, text: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => {
    let received = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    // A reset after the answer, the rest of the body unread, still ends the exchange.
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(received));
  });
}

/** The status lines of what `sendRaw` received, one per answer (the next follows a body at once). */
export const statusLines = (answer: string): string[] =>
  answer.match(/HTTP\/1\.1 \d{3}[^\r\n]*/g) ?? [];
