import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from './problem';

// What Node reports when it cannot read a request; anything else it cannot parse is a 400.
const ANSWERS: Record<string, { status: number; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request did not arrive in time.' },
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request headers are too large.' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, detail: 'The chunk extensions are too large.' },
};
const UNREADABLE = { status: 400, detail: 'The request could not be read.' };

function rawProblem({ status, detail }: { status: number; detail: string }): string {
  const body = JSON.stringify(problem(status, detail));
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    // Every response carries it (the contract's security rules), this one too.
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Node's own test (lib/_http_server.js): once a response has begun, a second would corrupt it. */
function responseStarted(socket: Duplex): boolean {
  const { _httpMessage: inFlight } = socket as { _httpMessage?: { headersSent: boolean } | null };
  return inFlight?.headersSent === true;
}

/**
 * The answer to a request the server could not read (too slow, headers too large, not HTTP),
 * the same bytes in both apps and a problem like every other error; then the connection goes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (socket.writable && !responseStarted(socket) && error.code !== 'ECONNRESET') {
    socket.write(rawProblem(ANSWERS[error.code ?? ''] ?? UNREADABLE));
  }
  socket.destroy();
}
