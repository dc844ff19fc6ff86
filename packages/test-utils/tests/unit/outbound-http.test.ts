// Unit tests for the stand-in at the HTTP client's edge (docs/external-services.md): the code
// under test gets arranged answers, nothing reaches a network, and a request nobody arranged
// fails the test even when the code that sent it swallowed the error.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors, getGlobalDispatcher } from 'undici';
import { OutboundHttp } from '../../src';

const SERVICE = 'https://service.example.test';

/** A real server on loopback that answers 200 "real" and counts what reached it. */
async function realServer(): Promise<{ url: string; hits: () => number; server: Server }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.end('real');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, server };
}

const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

describe('OutboundHttp', () => {
  const outbound = new OutboundHttp();
  beforeEach(() => outbound.start());
  afterEach(() => outbound.stop());

  /** fetch through the interceptor, as the apps do with the dispatcher they are handed. */
  const fetchVia = (url: string, init: RequestInit = {}) =>
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- npm undici's Dispatcher and the one Node's fetch declares are two declarations of one class
    fetch(url, { ...init, dispatcher: outbound.dispatcher });

  it('answers the code under test as arranged and records the request as it left', async () => {
    outbound.origin(SERVICE).intercept({ path: '/range/ABCDE', method: 'GET' }).reply(200, 'ok');

    const res = await fetchVia(`${SERVICE}/range/ABCDE`, { headers: { 'Add-Padding': 'true' } });

    expect(await res.text()).toBe('ok');
    expect(outbound.requests).toEqual([
      {
        method: 'GET',
        origin: SERVICE,
        path: '/range/ABCDE',
        headers: expect.objectContaining({ 'add-padding': 'true' }) as Record<string, string>,
        matched: true,
      },
    ]);
    expect(() => outbound.verify()).not.toThrow();
  });

  it('fails the test for a request nothing matched, even when the caller swallowed the error', async () => {
    const swallowed = await fetchVia(`${SERVICE}/other`).then(
      () => 'answered',
      () => 'rejected',
    );

    expect(swallowed).toBe('rejected');
    expect(() => outbound.verify()).toThrow(
      /no interceptor matched.*GET https:\/\/service\.example\.test\/other/,
    );
  });

  it('fails the test for an arranged answer nobody asked for', () => {
    outbound.origin(SERVICE).intercept({ path: '/never', method: 'GET' }).reply(200, 'ok');

    expect(() => outbound.verify()).toThrow(/pending/i);
  });

  it('lists every request nothing matched in the failure, as method, origin and path', async () => {
    await Promise.allSettled([
      fetchVia(`${SERVICE}/a?q=1`),
      fetchVia(`${SERVICE}/b`, { method: 'POST' }),
    ]);

    expect(() => outbound.verify()).toThrow(
      'Outbound request(s) no interceptor matched (the test must arrange them): ' +
        `GET ${SERVICE}/a?q=1, POST ${SERVICE}/b`,
    );
  });

  it('counts a request answered with an arranged error as matched', async () => {
    outbound
      .origin(SERVICE)
      .intercept({ path: '/down', method: 'GET' })
      .replyWithError(new Error('connection reset'));

    const outcome = await fetchVia(`${SERVICE}/down`).then(
      () => 'answered',
      () => 'rejected',
    );

    expect(outcome).toBe('rejected');
    expect(outbound.requests).toEqual([expect.objectContaining({ path: '/down', matched: true })]);
    expect(() => outbound.verify()).not.toThrow();
  });

  it('lets no request reach a real server, even one that is listening', async () => {
    const real = await realServer();

    const outcome = await fetchVia(real.url).then(
      () => 'answered',
      () => 'rejected',
    );
    await closeServer(real.server);

    expect(outcome).toBe('rejected');
    expect(real.hits()).toBe(0);
  });

  it('starts each test with no requests recorded and no arranged answers left', async () => {
    outbound.origin(SERVICE).intercept({ path: '/once', method: 'GET' }).reply(200, 'ok');
    await fetchVia(`${SERVICE}/once`);

    await outbound.stop();
    outbound.start();

    expect(outbound.requests).toEqual([]);
    expect(() => outbound.verify()).not.toThrow();
  });
});

// undici's own request() hands its headers on as the caller wrote them: a flat list, an object
// whose values may be lists, or none at all.
describe('OutboundHttp recording the headers of an undici request()', () => {
  const outbound = new OutboundHttp();
  beforeEach(() => outbound.start());
  afterEach(() => outbound.stop());

  const requestVia = (
    headers?: string[] | Record<string, string | string[]> | Map<string, string>,
  ) => {
    outbound.origin(SERVICE).intercept({ path: '/h', method: 'GET' }).reply(204, '');
    return outbound.dispatcher.request({ origin: SERVICE, path: '/h', method: 'GET', headers });
  };

  it('reads a flat name, value, name, value list, names lower-cased', async () => {
    await requestVia(['X-Trace', 'abc', 'accept', 'text/plain']);

    expect(outbound.requests[0]?.headers).toEqual({ 'x-trace': 'abc', accept: 'text/plain' });
  });

  it('leaves out a last name that has no value after it', async () => {
    await requestVia(['x-trace', 'abc', 'accept']);

    expect(outbound.requests[0]?.headers).toEqual({ 'x-trace': 'abc' });
  });

  it('joins the values of a header given as a list with a comma', async () => {
    await requestVia({ 'X-Tag': ['a', 'b'] });

    expect(outbound.requests[0]?.headers).toEqual({ 'x-tag': 'a, b' });
  });

  it('reads headers given as an iterable of name and value pairs', async () => {
    await requestVia(new Map([['X-Trace', 'abc']]));

    expect(outbound.requests[0]?.headers).toEqual({ 'x-trace': 'abc' });
  });

  it('records no headers for a request sent with none', async () => {
    await requestVia();

    expect(outbound.requests).toEqual([
      { method: 'GET', origin: SERVICE, path: '/h', headers: {}, matched: true },
    ]);
  });
});

describe('OutboundHttp handing requests on', () => {
  // What undici does with a handler that cannot take an error: it throws the error to the caller.
  it("throws undici's own error for a handler with no onError, as undici would", async () => {
    const outbound = new OutboundHttp();
    await outbound.stop();

    expect(() =>
      outbound.dispatcher.dispatch({ origin: SERVICE, path: '/', method: 'GET' }, {}),
    ).toThrow(errors.ClientDestroyedError);
  });
});

describe('OutboundHttp before its first start', () => {
  it('has recorded no request', () => {
    expect(new OutboundHttp().requests).toEqual([]);
  });
});

describe('OutboundHttp as the global dispatcher', () => {
  it('leaves the global dispatcher alone when stopped without having started', async () => {
    const before = getGlobalDispatcher();

    await new OutboundHttp().stop();

    expect(getGlobalDispatcher()).toBe(before);
  });

  it('puts the previous global dispatcher back when it stops', async () => {
    const before = getGlobalDispatcher();
    const outbound = new OutboundHttp();

    outbound.start();
    const during = getGlobalDispatcher();
    await outbound.stop();

    expect(during).toBe(outbound.dispatcher);
    expect(getGlobalDispatcher()).toBe(before);
  });

  // Why the apps take the dispatcher: Jest runs a test file in a sandbox whose globalThis is not
  // the one Node's own fetch reads its global dispatcher from, so a global MockAgent is passed by.
  it("is not seen by Node's global fetch inside a Jest test file, so the code under test must be handed the dispatcher", async () => {
    const real = await realServer();
    const outbound = new OutboundHttp();
    outbound.start();

    const res = await fetch(real.url).finally(() => outbound.stop());
    const body = await res.text();
    await closeServer(real.server);

    expect(body).toBe('real');
    expect(outbound.requests).toEqual([]);
  });
});
