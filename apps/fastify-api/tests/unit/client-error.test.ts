// Unit suite: what the app writes on a connection Node could not read a request from, for
// each state of that connection. The slow-clients and hostile-input contract suites check the
// answers over real sockets; the states where nothing may be written (an answer already begun,
// a peer gone) cannot be timed from a client, so they are set up here on a socket stand-in.
import { Duplex } from 'node:stream';
import { answerClientError } from '../../src/http/client-error';

/**
 * A socket that records what the app writes to it, with the internals Node's server sets. The
 * writes are recorded, not made, so that one to an ended socket fails the test, not the run.
 */
function socketWith(internals: Record<string, unknown> = {}) {
  const written: string[] = [];
  const socket = new Duplex({ read: () => undefined, write: (_chunk, _encoding, done) => done() });
  socket.write = (chunk: unknown) => written.push(String(chunk)) > 0;
  Object.assign(socket, internals);
  return { socket, written };
}

const failure = (code?: string) => Object.assign(new Error('client error'), { code });

describe('answerClientError', () => {
  it.each([
    ['HPE_INVALID_METHOD', 'HTTP/1.1 400 Bad Request', 'The request could not be read.'],
    [undefined, 'HTTP/1.1 400 Bad Request', 'The request could not be read.'],
    [
      'ERR_HTTP_REQUEST_TIMEOUT',
      'HTTP/1.1 408 Request Timeout',
      'The request did not arrive in time.',
    ],
    [
      'HPE_HEADER_OVERFLOW',
      'HTTP/1.1 431 Request Header Fields Too Large',
      'The request headers are too large.',
    ],
  ])('answers %s with a problem, then ends the connection', (code, statusLine, detail) => {
    const { socket, written } = socketWith();

    answerClientError(failure(code), socket);

    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(new RegExp(`^${statusLine}\r\n`));
    expect(written[0]).toContain(`"detail":"${detail}"`);
    expect(written[0]).toMatch(/\r\nConnection: close\r\n/);
    expect(socket.destroyed).toBe(true);
  });

  it.each([
    ['a response that has not sent its headers yet', { _httpMessage: { headersSent: false } }],
    ['a request whose headers have not all arrived', { parser: { incoming: null } }],
    ['a request read to its end', { parser: { incoming: { complete: true } } }],
  ])('answers on a connection with %s', (_case, internals) => {
    const { socket, written } = socketWith(internals);

    answerClientError(failure('ERR_HTTP_REQUEST_TIMEOUT'), socket);

    expect(written).toHaveLength(1);
    expect(socket.destroyed).toBe(true);
  });

  it.each([
    ['a response whose headers have gone', { _httpMessage: { headersSent: true } }],
    ['a request still arriving after its answer', { parser: { incoming: { complete: false } } }],
  ])('writes nothing more on a connection with %s, and ends it', (_case, internals) => {
    const { socket, written } = socketWith(internals);

    answerClientError(failure('ERR_HTTP_REQUEST_TIMEOUT'), socket);

    expect(written).toEqual([]);
    expect(socket.destroyed).toBe(true);
  });

  it('writes nothing to a peer that reset the connection', () => {
    const { socket, written } = socketWith();

    answerClientError(failure('ECONNRESET'), socket);

    expect(written).toEqual([]);
    expect(socket.destroyed).toBe(true);
  });

  it('writes nothing to a connection that can no longer be written to', () => {
    const { socket, written } = socketWith();
    socket.end();

    answerClientError(failure('HPE_INVALID_METHOD'), socket);

    expect(written).toEqual([]);
    expect(socket.destroyed).toBe(true);
  });
});
