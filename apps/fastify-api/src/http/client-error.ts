import type { Duplex } from 'node:stream';
import { problem } from './problem';
import { SECURITY_HEADERS } from './security-headers';

interface Answer {
  status: number;
  detail: string;
}

// What Node reports when it cannot read a request; anything else it cannot parse is a 400.
const ANSWERS = new Map<string | undefined, Answer>([
  ['ERR_HTTP_REQUEST_TIMEOUT', { status: 408, detail: 'The request did not arrive in time.' }],
  ['HPE_HEADER_OVERFLOW', { status: 431, detail: 'The request headers are too large.' }],
  ['HPE_CHUNK_EXTENSIONS_OVERFLOW', { status: 413, detail: 'The chunk extensions are too large.' }],
]);
const UNREADABLE: Answer = { status: 400, detail: 'The request could not be read.' };

function rawProblem({ status, detail }: Answer): string {
  const answer = problem(status, detail);
  const body = JSON.stringify(answer);
  return [
    `HTTP/1.1 ${status} ${answer.title}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    // Every response carries these (the contract's security rules), this one too.
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

interface HttpSocket {
  /** The response in flight on this connection, if any. */
  _httpMessage?: { headersSent: boolean } | null;
  /** The request being read, once its headers have arrived. */
  parser?: { incoming?: { complete: boolean } | null } | null;
}

/**
 * Whether the request on this socket has had its answer, or has begun to: Node's own test
 * (lib/_http_server.js) covers a response in flight, since a second would corrupt it. A
 * request still arriving with no response attached has had its whole answer already (an
 * answer that did not wait for the body), and Node goes on draining that body: one request
 * never gets a second answer.
 */
function answered(socket: Duplex): boolean {
  const { _httpMessage: inFlight, parser } = socket as HttpSocket;
  if (inFlight) return inFlight.headersSent;
  return parser?.incoming?.complete === false;
}

/**
 * The answer to a request the server could not read (too slow, headers too large, not HTTP),
 * the same bytes in both apps and a problem like every other error; then the connection goes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (socket.writable && !answered(socket) && error.code !== 'ECONNRESET') {
    socket.write(rawProblem(ANSWERS.get(error.code) ?? UNREADABLE));
  }
  socket.destroy();
}
