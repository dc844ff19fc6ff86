import autocannon from 'autocannon';
import type { SignedInUser } from './prepare-users';
import type { AppName, RunningApp } from './start-app';

interface Connection {
  user: SignedInUser;
  other: SignedInUser;
  writes: number;
}

export interface LoadResult {
  app: AppName;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses in the timed run. */
  responses: number;
  /** From the warm-up and the timed run together: every request must succeed. */
  non2xx: number;
  errors: number;
  /** Responses per status code, warm-up included. */
  statusCodes: Record<string, number>;
}

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** Ends the load at once (on Ctrl-C): a server shutting down waits for busy connections. */
  signal: AbortSignal;
}

type RequestParts = Pick<autocannon.Request, 'method' | 'path' | 'body'>;

/**
 * Each connection signs in as its own user (and reads one other), then repeats the mix:
 * four reads, then one write, so a fifth of the requests write. No login in the mix: it
 * hashes a password, and would measure Argon2 rather than the app.
 */
const MIX: ((connection: Connection) => RequestParts)[] = [
  () => ({ method: 'GET', path: '/api/profile' }),
  () => ({ method: 'GET', path: '/api/users?limit=20' }),
  ({ user }) => ({ method: 'GET', path: `/api/users/${user.id}` }),
  ({ other }) => ({ method: 'GET', path: `/api/users/${other.id}` }),
  (connection) => ({
    method: 'PATCH',
    path: `/api/users/${connection.user.id}`,
    body: JSON.stringify({ name: `Load ${(connection.writes += 1)}` }),
  }),
];

function requestsFor(users: SignedInUser[]): autocannon.Request[] {
  let next = 0;
  const connectionOf = (context: object): Connection => {
    const state = context as Partial<Connection>;
    if (!state.user || !state.other) {
      state.user = users[next % users.length];
      state.other = users[(next + 1) % users.length];
      state.writes = 0;
      next += 1;
    }
    return state as Connection;
  };
  return MIX.map((parts) => ({
    setupRequest: (request, context) => {
      const connection = connectionOf(context);
      return {
        ...request,
        ...parts(connection),
        headers: {
          authorization: `Bearer ${connection.user.token}`,
          'content-type': 'application/json',
        },
      };
    },
  }));
}

function statusCodes(...results: (autocannon.Result | undefined)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) {
    for (const [code, stats] of Object.entries(result?.statusCodeStats ?? {})) {
      counts[code] = (counts[code] ?? 0) + (stats.count ?? 0);
    }
  }
  return counts;
}

function fire(options: autocannon.Options, signal: AbortSignal): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result) => {
      if (error)
        reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
      else resolve(result);
    });
    signal.addEventListener('abort', () => instance.stop(), { once: true });
  });
}

/** A warm-up (results kept only for their failures), then the timed run. */
export async function driveLoad(
  app: RunningApp,
  users: SignedInUser[],
  options: LoadOptions,
): Promise<LoadResult> {
  const run = (duration: number) => {
    options.signal.throwIfAborted();
    const { connections } = options;
    return fire(
      { url: app.baseUrl, connections, duration, requests: requestsFor(users) },
      options.signal,
    );
  };
  const warmup = options.warmupSeconds > 0 ? await run(options.warmupSeconds) : undefined;
  const timed = await run(options.durationSeconds);
  return {
    app: app.name,
    requestsPerSecond: timed.requests.average,
    p50Ms: timed.latency.p50,
    p99Ms: timed.latency.p99,
    responses: timed.requests.total,
    non2xx: timed.non2xx + (warmup?.non2xx ?? 0),
    errors: timed.errors + (warmup?.errors ?? 0),
    statusCodes: statusCodes(warmup, timed),
  };
}
