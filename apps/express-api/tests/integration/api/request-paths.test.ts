// API suite (1 of 4 kinds): a path that is not valid percent-encoding is refused as Fastify's
// router refuses it, and the refusal ends the connection only when a body may still be coming.
// See docs/express-api.md.
import { sendRaw, statusLines } from '../../helpers/raw-http';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();
const BAD_PATH_ENCODING = 'The request path is not valid percent-encoding.';

describe('percent-encoded paths', () => {
  // Dropped rather than kept as a literal %25, the escape would join %E2%82 and %AC into a euro sign.
  it('refuses a path where %25 splits a UTF-8 sequence with 400', async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).get('/api/users/%E2%82%25%AC');

    expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
  });

  it('closes the connection after refusing a bad path whose body may still be coming', async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).patch(`/api/users/${user.id}%zz`).send({ name: 'Renamed' });

    expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
    expect(res.headers.connection).toBe('close');
  });

  it('closes the connection after refusing a bad path whose chunked body may still be coming', async () => {
    const answer = await sendRaw(
      t.server,
      'POST /api/%zz HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n',
    );

    expect(statusLines(answer)).toEqual(['HTTP/1.1 400 Bad Request']);
    expect(answer).toMatch(/\r\nConnection: close\r\n/i);
  });

  it.each([
    ['no body', 'GET', ''],
    ['an empty body', 'POST', 'Content-Length: 0\r\n'],
  ])('keeps the connection after refusing a bad path with %s', async (_case, method, headers) => {
    const answer = await sendRaw(
      t.server,
      `${method} /api/%zz HTTP/1.1\r\nHost: localhost\r\n${headers}\r\nGET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
    );

    expect(statusLines(answer)).toEqual(['HTTP/1.1 400 Bad Request', 'HTTP/1.1 200 OK']);
  });

  it('keeps the connection after refusing a bad path that has no body, and says why', async () => {
    const res = await t.api.get('/api/%zz');

    expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
    expect(res.headers.connection).toBe('keep-alive');
  });

  it('keeps the query of a path with percent-encoded letters', async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).get('/%61pi/users?limit=1');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ limit: 1, offset: 0 });
  });
});
