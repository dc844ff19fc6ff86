// Unit suite: the Node server's options, a pure function of the configured timeouts, since
// Node does not say afterwards how often it checks them. See docs/hardening/security.md.
import { answerClientError } from '../../src/http/client-error';
import { httpServerOptions } from '../../src/http/http-server';

const TIMEOUTS = { requestMs: 29_999, headersMs: 7_355, keepAliveMs: 65_001 };

describe('httpServerOptions', () => {
  it('gives Node the configured request, headers and keep-alive timeouts', () => {
    const options = httpServerOptions(TIMEOUTS);

    expect(options).toMatchObject({
      requestTimeout: 29_999,
      keepAliveTimeout: 65_001,
      http: { requestTimeout: 29_999, headersTimeout: 7_355 },
      clientErrorHandler: answerClientError,
    });
  });

  it('checks the timeouts every tenth of the headers timeout, in whole milliseconds', () => {
    const options = httpServerOptions(TIMEOUTS);

    expect(options.http.connectionsCheckingInterval).toBe(735);
  });

  it('checks at least every millisecond when the headers timeout is under ten', () => {
    const options = httpServerOptions({ ...TIMEOUTS, headersMs: 9 });

    expect(options.http.connectionsCheckingInterval).toBe(1);
  });
});
