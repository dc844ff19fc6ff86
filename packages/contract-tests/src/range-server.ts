import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanRange, rangePath } from './pwned-range';

/** How the stand-in answers one range: a body, a status, never, or a cut connection. */
export type RangeBehaviour =
  | { answer: 'range'; body: string }
  | { answer: 'status'; status: number }
  | { answer: 'hang' }
  | { answer: 'reset' };

export interface RangeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export interface RangeServer {
  /** `http://127.0.0.1:<port>`, the base the app is given as PASSWORD_BREACH_CHECK_URL. */
  readonly url: string;
  /** Every request since the test started, as it arrived. */
  readonly requests: RangeRequest[];
  /** How the range of this password is answered in this test; any other is a clean range. */
  answer(password: string, behaviour: RangeBehaviour): void;
}

function respond(res: ServerResponse, behaviour: RangeBehaviour): void {
  if (behaviour.answer === 'hang') return;
  if (behaviour.answer === 'reset') {
    res.socket?.destroy();
    return;
  }
  if (behaviour.answer === 'status') {
    res.writeHead(behaviour.status).end('unavailable');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/plain' }).end(behaviour.body);
}

/**
 * A stand-in for the Pwned Passwords range API: a real HTTP server on loopback, started once per
 * file. The apps run their default client against it (no dispatcher handed in), so the suite
 * holds any target to the same behaviour, one started in-process or as its own process.
 */
export function useRangeServer(): RangeServer {
  const behaviours = new Map<string, RangeBehaviour>();
  const requests: RangeRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    requests.push({ method: req.method ?? '', path, headers: req.headers });
    respond(res, behaviours.get(path) ?? { answer: 'range', body: cleanRange() });
  });
  const state = {
    url: '',
    requests,
    answer: (password: string, behaviour: RangeBehaviour) => {
      behaviours.set(rangePath(password), behaviour);
    },
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    behaviours.clear();
    requests.length = 0;
  });
  afterAll(async () => {
    // A hung answer holds its connection open: cut it, or close() waits for ever.
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return state;
}
