import {
  Dispatcher,
  MockAgent,
  getGlobalDispatcher,
  setGlobalDispatcher,
  type Interceptable,
} from 'undici';

/** One request the code under test sent, as it left: what a privacy assertion reads. */
export interface OutboundRequest {
  method: string;
  /** `https://api.example.com`, no trailing slash. */
  origin: string;
  /** The path and query string: `/range/21BD1`. */
  path: string;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Did an interceptor answer it? An unmatched one fails the test (see `verify`). */
  matched: boolean;
}

type RawHeaders = Dispatcher.DispatchOptions['headers'];

function headersOf(raw: RawHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  const add = (name: unknown, value: unknown) => {
    headers[String(name).toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  };
  if (raw == null) return headers;
  // undici's request() hands on a flat [name, value, name, value…] list as its caller gave it.
  if (Array.isArray(raw)) {
    const flat: unknown[] = raw;
    for (let i = 0; i + 1 < flat.length; i += 2) add(flat[i], flat[i + 1]);
    return headers;
  }
  const entries = Symbol.iterator in raw ? Array.from(raw) : Object.entries(raw);
  for (const [name, value] of entries) add(name, value);
  return headers;
}

/**
 * A dispatcher that stays the same for the whole file (the app holds it from its start) and
 * hands each request to the current test's MockAgent, recording it on the way.
 */
class RecordingDispatcher extends Dispatcher {
  constructor(private readonly outbound: OutboundHttp) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    return this.outbound.dispatchThrough(options, handler);
  }
}

/**
 * Stands in for the internet at the HTTP client's edge, with undici's MockAgent: the code under
 * test runs its real fetch, headers and parsing, and gets the answers a test arranged. No
 * request goes out: net connect is disabled, and a request no interceptor answers fails the
 * test in `verify`, even when the code under test swallowed the error (a fail-open client does).
 *
 * Hand `dispatcher` to the code under test (`fetch(url, { dispatcher })`): under Jest, a
 * test file's globalThis is not the one Node's own fetch reads its global dispatcher from
 * (docs/external-services.md), so only an injected dispatcher is certain to be used.
 */
export class OutboundHttp {
  /** Give this to the code under test; it stays the same across tests. */
  readonly dispatcher: Dispatcher = new RecordingDispatcher(this);
  /** Every request sent since the current test started, matched or not. */
  readonly requests: OutboundRequest[] = [];
  private agent = OutboundHttp.newAgent();
  private previousGlobal: Dispatcher | undefined;

  private static newAgent(): MockAgent {
    const agent = new MockAgent();
    agent.disableNetConnect();
    return agent;
  }

  /** Where a test arranges answers: `outbound.origin(url).intercept({ path }).reply(200, body)`. */
  origin(url: string): Interceptable {
    return this.agent.get(new URL(url).origin);
  }

  /** A fresh agent, no requests, and the same agent as the global dispatcher where it counts. */
  start(): void {
    this.agent = OutboundHttp.newAgent();
    this.requests.length = 0;
    // Catches what uses the global dispatcher of the realm the test runs in (undici's own
    // fetch and request; Node's fetch under runners that do not sandbox, as Vitest's default).
    this.previousGlobal = getGlobalDispatcher();
    setGlobalDispatcher(this.dispatcher);
  }

  /**
   * Fails when a request was not matched or an arranged answer was never asked for (a test
   * whose stub nobody called is not testing what it says).
   */
  verify(): void {
    const unmatched = this.requests.filter((request) => !request.matched);
    if (unmatched.length > 0) {
      const list = unmatched.map((r) => `${r.method} ${r.origin}${r.path}`).join(', ');
      throw new Error(
        `Outbound request(s) no interceptor matched (the test must arrange them): ${list}`,
      );
    }
    this.agent.assertNoPendingInterceptors();
  }

  /** The global dispatcher as it was, and the agent closed. */
  async stop(): Promise<void> {
    if (this.previousGlobal) setGlobalDispatcher(this.previousGlobal);
    this.previousGlobal = undefined;
    await this.agent.close();
  }

  /** @internal The RecordingDispatcher's way in. */
  dispatchThrough(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
    const request: OutboundRequest = {
      method: options.method,
      origin: new URL(String(options.origin)).origin,
      path: options.path,
      headers: headersOf(options.headers),
      matched: true,
    };
    this.requests.push(request);
    // undici hands a request nothing matches to the handler's onError; fetch turns it into a
    // rejection the code under test may swallow, so it is remembered here for `verify`.
    const recording = new Proxy(handler, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'onError' || typeof value !== 'function') return value;
        return (error: Error) => {
          if (error.name === 'MockNotMatchedError') request.matched = false;
          return Reflect.apply(value, receiver, [error]) as unknown;
        };
      },
    });
    return this.agent.dispatch(options, recording);
  }
}

/** The hooks of whichever runner the file runs under (Jest's globals, Vitest's imports). */
export interface OutboundHooks {
  beforeEach: (fn: () => void) => void;
  afterEach: (fn: () => Promise<void>) => void;
}

/**
 * Call once at the top of a test file: outbound HTTP intercepted for every test, checked and
 * restored after each. See OutboundHttp.
 */
export function useOutboundHttp(hooks: OutboundHooks): OutboundHttp {
  const outbound = new OutboundHttp();
  hooks.beforeEach(() => outbound.start());
  hooks.afterEach(async () => {
    try {
      outbound.verify();
    } finally {
      await outbound.stop();
    }
  });
  return outbound;
}
