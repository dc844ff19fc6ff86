// Unit tests for the hooks that put the outbound-HTTP stand-in around every test of a file
// (docs/external-services.md): useOutboundHttp, for whichever runner hands it its hooks, and
// interceptOutboundHttp, which hands it Jest's.
import { getGlobalDispatcher } from 'undici';
import { interceptOutboundHttp, useOutboundHttp, type OutboundHooks } from '../../src';

const SERVICE = 'https://service.example.test';

/** Hooks as a runner takes them, kept so the test can run them in the runner's place. */
function heldHooks() {
  const held: { beforeEach: () => void; afterEach: () => Promise<void> } = {
    beforeEach: () => {
      throw new Error('no beforeEach hook was registered');
    },
    afterEach: () => Promise.reject(new Error('no afterEach hook was registered')),
  };
  const hooks: OutboundHooks = {
    beforeEach: (fn) => (held.beforeEach = fn),
    afterEach: (fn) => (held.afterEach = fn),
  };
  return { hooks, held };
}

describe('useOutboundHttp', () => {
  it('intercepts from before each test and puts the global dispatcher back after it', async () => {
    const previous = getGlobalDispatcher();
    const { hooks, held } = heldHooks();
    const outbound = useOutboundHttp(hooks);

    held.beforeEach();
    const during = getGlobalDispatcher();
    await held.afterEach();

    expect(during).toBe(outbound.dispatcher);
    expect(getGlobalDispatcher()).toBe(previous);
  });

  it('fails the test for a request nothing matched, and still puts the global dispatcher back', async () => {
    const previous = getGlobalDispatcher();
    const { hooks, held } = heldHooks();
    const outbound = useOutboundHttp(hooks);
    held.beforeEach();
    const outcome = await outbound.dispatcher
      .request({ origin: SERVICE, path: '/unarranged', method: 'GET' })
      .then(
        () => 'answered',
        () => 'rejected',
      );

    const after = held.afterEach();

    expect(outcome).toBe('rejected');
    await expect(after).rejects.toThrow(
      `Outbound request(s) no interceptor matched (the test must arrange them): GET ${SERVICE}/unarranged`,
    );
    expect(getGlobalDispatcher()).toBe(previous);
  });
});

describe('interceptOutboundHttp', () => {
  const outbound = interceptOutboundHttp();

  it("makes its dispatcher the global one while each of the file's tests runs", () => {
    expect(getGlobalDispatcher()).toBe(outbound.dispatcher);
  });

  it('answers what the test arranges', async () => {
    outbound.origin(SERVICE).intercept({ path: '/ok', method: 'GET' }).reply(200, 'ok');

    const res = await outbound.dispatcher.request({ origin: SERVICE, path: '/ok', method: 'GET' });

    expect(await res.body.text()).toBe('ok');
  });
});
