// Workflow suite at the network edge (docs/external-services.md): registration with the
// breached-password check on, its HTTP intercepted by test-utils' interceptOutboundHttp, so the
// app's real client, headers and parsing run and no request reaches the internet.
import { rangeAnswer, rangePath, sha1Hex } from '@testbed/contract-tests/pwned-range';
import { interceptOutboundHttp, type LogEntry } from '@testbed/test-utils';
import { BREACHED_PASSWORD } from '../../../src/auth/breached-password';
import { MAX_RANGE_BYTES } from '../../../src/auth/password-breach-checker';
import { useTestApp } from '../../helpers/test-app';

const SERVICE = 'https://pwned.example.test';
// Short, so a test that waits for the timeout waits little; the replies it delays wait longer.
const TIMEOUT_MS = 100;

const outbound = interceptOutboundHttp();
const t = useTestApp(
  { passwordBreachCheck: { url: SERVICE, timeoutMs: TIMEOUT_MS } },
  { outbound },
);

/** The service's answer for this password's range, once unless told. */
const range = (password: string) =>
  outbound.origin(SERVICE).intercept({ path: rangePath(password), method: 'GET' });

const register = (body = t.given.attributes()) =>
  t.api
    .post('/api/auth/register')
    .send({ name: body.name, email: body.email, password: body.password });

const LOGGER_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'app', 'msg']);

/** The event's own fields: what the logger adds to every line aside, nothing else. */
const eventFields = (entry: LogEntry | undefined) =>
  Object.fromEntries(Object.entries(entry ?? {}).filter(([key]) => !LOGGER_FIELDS.has(key)));

describe('registration with the breached-password check', () => {
  it('refuses a breached password with 400 and a field error on password, and writes, mails and logs nothing of it', async () => {
    const body = t.given.attributes();
    range(body.password).reply(200, rangeAnswer(body.password, 42));

    const res = await register(body);

    expect(res).toBeProblem(400);
    expect(res.body).toMatchObject({ errors: [{ path: 'password', message: BREACHED_PASSWORD }] });
    expect(await t.repos.users.findByEmail(body.email)).toBeUndefined();
    expect(t.mailer.sent).toEqual([]);
    expect(t.logs.text()).not.toContain(body.password);
  });

  it('registers a password the service does not list with 201', async () => {
    const body = t.given.attributes();
    range(body.password).reply(200, rangeAnswer(body.password));

    const res = await register(body);

    expect(res.status).toBe(201);
    expect(await t.repos.users.findByEmail(body.email)).toMatchObject({ email: body.email });
  });

  it('registers a password listed only as a padding line (count 0) with 201', async () => {
    const body = t.given.attributes();
    range(body.password).reply(200, rangeAnswer(body.password, 0));

    const res = await register(body);

    expect(res.status).toBe(201);
  });

  it('sends the service only the first five characters of the SHA-1, asking for padding', async () => {
    const body = t.given.attributes();
    const hash = sha1Hex(body.password);
    range(body.password).reply(200, rangeAnswer(body.password));

    await register(body).expect(201);

    expect(outbound.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        origin: SERVICE,
        path: `/range/${hash.slice(0, 5)}`,
      }),
    ]);
    expect(outbound.requests[0]?.headers['add-padding']).toBe('true');
    const sent = JSON.stringify(outbound.requests);
    expect(sent).not.toContain(body.password);
    expect(sent).not.toContain(hash.slice(5));
  });

  it('asks the service nothing for a request that fails validation', async () => {
    const res = await register({ ...t.given.attributes(), password: 'short' });

    expect(res).toBeProblem(400);
    expect(outbound.requests).toEqual([]);
  });
});

/**
 * A well-formed range that lists the password as breached, padded with count-0 lines to exactly
 * `bytes` bytes (the first padding line's count takes the odd bytes as leading zeros).
 */
function rangeOfSize(password: string, bytes: number): string {
  const answer = rangeAnswer(password, 42);
  const line = `${'0'.repeat(35)}:0\r\n`;
  const room = bytes - answer.length;
  const lines = Math.floor(room / line.length);
  const first = `${'0'.repeat(35)}:${'0'.repeat(room - lines * line.length + 1)}\r\n`;
  return `${first}${line.repeat(lines - 1)}${answer}`;
}

describe('the size of a range answer', () => {
  it('reads an answer of exactly the largest size it allows, and refuses the password it lists with 400', async () => {
    const body = t.given.attributes();
    const answer = rangeOfSize(body.password, MAX_RANGE_BYTES);
    range(body.password).reply(200, answer);

    const res = await register(body);

    expect(Buffer.byteLength(answer)).toBe(MAX_RANGE_BYTES);
    expect(res).toBeProblem(400);
    expect(t.logs.events('password_check_unavailable')).toEqual([]);
  });
});

describe('registration when the breached-password check cannot answer', () => {
  // Each: how the service fails, the reason logged, the attempts made (one retry at most, and
  // none after a timeout or an answer that is not a range).
  const outages: [string, (password: string) => void, Record<string, unknown>][] = [
    [
      'answers 500 twice',
      (password) => range(password).reply(500, 'oops').times(2),
      { reason: 'http_status', status: 500, attempts: 2 },
    ],
    [
      // Fetch gives such an answer no body at all; it is refused as a status, not retried.
      'answers 204 No Content',
      (password) => range(password).reply(204, ''),
      { reason: 'http_status', status: 204, attempts: 1 },
    ],
    [
      'resets the connection twice',
      (password) => range(password).replyWithError(new Error('socket hang up')).times(2),
      { reason: 'network_error', attempts: 2 },
    ],
    [
      'answers a body that is not a range',
      (password) => range(password).reply(200, '<html>Service Unavailable</html>'),
      { reason: 'malformed_response', attempts: 1 },
    ],
    [
      // It lists the password as breached: read whole, it would be a 400.
      'answers a range one byte larger than it reads',
      (password) => range(password).reply(200, rangeOfSize(password, MAX_RANGE_BYTES + 1)),
      { reason: 'malformed_response', attempts: 1 },
    ],
    [
      'answers later than the timeout',
      (password) =>
        range(password)
          .reply(200, rangeAnswer(password, 42))
          .delay(TIMEOUT_MS * 5),
      { reason: 'timeout', attempts: 1 },
    ],
  ];

  it.each(outages)(
    'registers the user (201) and logs one password_check_unavailable when the service %s',
    async (_how, arrange, expected) => {
      const body = t.given.attributes();
      arrange(body.password);

      const res = await register(body);

      expect(res.status).toBe(201);
      const events = t.logs.events('password_check_unavailable');
      expect(events).toHaveLength(1);
      expect(eventFields(events[0])).toEqual({ event: 'password_check_unavailable', ...expected });
      expect(t.logs.text()).not.toContain(sha1Hex(body.password));
    },
  );

  it('gives up at one timeout for both attempts, so a late 503 leaves the retry only what is left', async () => {
    const body = t.given.attributes();
    // Each arrives within one timeout; together they do not. A timeout per attempt would take
    // the second answer, which lists the password, and refuse it with 400.
    range(body.password)
      .reply(503, 'busy')
      .delay(TIMEOUT_MS * 0.3);
    range(body.password)
      .reply(200, rangeAnswer(body.password, 42))
      .delay(TIMEOUT_MS * 0.8);

    const res = await register(body);

    expect(res.status).toBe(201);
    const events = t.logs.events('password_check_unavailable');
    expect(events).toHaveLength(1);
    expect(eventFields(events[0])).toEqual({
      event: 'password_check_unavailable',
      reason: 'timeout',
      attempts: 2,
    });
  });

  it('does not follow a redirect: it registers the user (201) and logs the 302 after one request', async () => {
    const body = t.given.attributes();
    const elsewhere = `/elsewhere${rangePath(body.password)}`;
    range(body.password).reply(302, '', { headers: { location: `${SERVICE}${elsewhere}` } });

    const res = await register(body);

    expect(res.status).toBe(201);
    expect(outbound.requests.map((request) => request.path)).toEqual([rangePath(body.password)]);
    const events = t.logs.events('password_check_unavailable');
    expect(events).toHaveLength(1);
    expect(eventFields(events[0])).toEqual({
      event: 'password_check_unavailable',
      reason: 'http_status',
      status: 302,
      attempts: 1,
    });
  });

  it('goes on after one retry when the first answer is a 503 and the second a range', async () => {
    const body = t.given.attributes();
    range(body.password).reply(503, 'busy');
    range(body.password).reply(200, rangeAnswer(body.password, 7));

    const res = await register(body);

    expect(res).toBeProblem(400);
    expect(outbound.requests).toHaveLength(2);
    expect(t.logs.events('password_check_unavailable')).toEqual([]);
  });
});

describe('POST /api/users (admin create) with the breached-password check', () => {
  it('refuses a breached password with 400 and writes nothing', async () => {
    const admin = await t.given.admin();
    const body = t.given.attributes();
    range(body.password).reply(200, rangeAnswer(body.password, 3));

    const res = await t.api.as(admin).post('/api/users').send(body);

    expect(res).toBeProblem(400);
    expect(res.body).toMatchObject({ errors: [{ path: 'password', message: BREACHED_PASSWORD }] });
    expect(await t.repos.users.findByEmail(body.email)).toBeUndefined();
    expect(t.mailer.sent).toEqual([]);
  });

  it("asks the service nothing for a non-admin's create, which is 403", async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).post('/api/users').send(t.given.attributes());

    expect(res).toBeProblem(403);
    expect(outbound.requests).toEqual([]);
  });
});

describe('a service URL with a path (a mirror or a proxy)', () => {
  // Trailing slashes too, as an operator may well write them.
  const mirror = useTestApp(
    { passwordBreachCheck: { url: `${SERVICE}/mirror//`, timeoutMs: TIMEOUT_MS } },
    { outbound },
  );

  it('asks for the range below that path, the trailing slashes dropped', async () => {
    const { name, email, password } = mirror.given.attributes();
    outbound
      .origin(SERVICE)
      .intercept({ path: `/mirror${rangePath(password)}`, method: 'GET' })
      .reply(200, rangeAnswer(password));

    await mirror.api.post('/api/auth/register').send({ name, email, password }).expect(201);

    expect(outbound.requests.map((request) => request.path)).toEqual([
      `/mirror${rangePath(password)}`,
    ]);
  });
});
