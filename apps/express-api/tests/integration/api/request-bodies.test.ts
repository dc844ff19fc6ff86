// API suite (1 of 4 kinds): how a request body is read or refused, down to the bytes on the
// wire where supertest would add what the case is about (a Content-Length, a whole body at once).
// See docs/express-api.md.
import { gzipSync } from 'node:zlib';
import { sendRaw, statusLines } from '../../helpers/raw-http';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

const bodyOf = (answer: string): unknown => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n')));

describe('request bodies', () => {
  // Their bodies are never read, not even on the way to a 404 (which reads any other method's
  // first, as Fastify does): a JSON type declared without a body changes nothing.
  it.each(['HEAD', 'TRACE'])(
    'answers %s to an unknown route declaring a JSON body it does not send with 404, not 400',
    async (method) => {
      const answer = await sendRaw(
        t.server,
        `${method} /nope HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n`,
      );

      expect(statusLines(answer)).toEqual(['HTTP/1.1 404 Not Found']);
    },
  );

  it.each([
    ['neither a body nor a Content-Type', '', ''],
    ['a text/plain Content-Type and no body', 'Content-Type: text/plain\r\n', ''],
    ['a text/plain body', 'Content-Type: text/plain\r\nContent-Length: 6\r\n', 'name=x'],
  ])('validates a POST with %s as a null body, in both apps', async (_case, headers, body) => {
    const answer = await sendRaw(
      t.server,
      `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\n${headers}Connection: close\r\n\r\n${body}`,
    );

    expect(statusLines(answer)).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(bodyOf(answer)).toMatchObject({
      errors: [{ path: '', message: 'Invalid input: expected object, received null' }],
    });
  });

  it('closes the connection after refusing a gzip body', async () => {
    const res = await t.api
      .post('/api/auth/register')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send(gzipSync(JSON.stringify(t.given.attributes())));

    expect(res).toBeProblem(400);
    expect(res.headers.connection).toBe('close');
  });

  // Eight chunks of 16 kB: the seventh goes over the 100 kB limit, the eighth comes after.
  const chunk = `4000\r\n${' '.repeat(0x4000)}\r\n`;

  it.each(['application/json', 'text/plain'])(
    'answers a chunked %s body over the limit that arrives whole once, with 413, and closes the connection',
    async (type) => {
      const answer = await sendRaw(
        t.server,
        `POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: ${type}\r\n` +
          `Transfer-Encoding: chunked\r\n\r\n${chunk.repeat(8)}0\r\n\r\n`,
      );

      expect(statusLines(answer)).toEqual(['HTTP/1.1 413 Payload Too Large']);
      expect(answer).toMatch(/\r\nConnection: close\r\n/i);
    },
  );

  it('never reads the body of a GET to an unknown route: a bad one is still a 404', async () => {
    const res = await t.api.get('/nope').set('content-type', 'application/json').send('{"name": ');

    expect(res).toBeProblem(404, { detail: 'No route matches GET /nope.' });
  });
});
