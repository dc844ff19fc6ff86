// Unit suite: what the app answers for the errors Fastify raises before routing
// (src/http/framework-errors.ts), in a bare Fastify with the app's handler. The app itself
// reaches only the malformed path (the contract's %zz case): its maxParamLength is past what
// Node lets through, and it has no async route constraint. The handler still answers the
// other two as the contract would, should a setting or a plugin bring them.
import { LogRecorder } from '@testbed/test-utils';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { performance } from 'node:perf_hooks';
import { frameworkErrorHandler } from '../../src/http/framework-errors';
import { createLogger } from '../../src/logger';

type ConstraintStrategy = NonNullable<FastifyServerOptions['constraints']>[string];
type RouteHandler = NonNullable<ReturnType<ReturnType<ConstraintStrategy['storage']>['get']>>;

// A route constraint whose lookup fails, as one reading a tenant from a store that is down.
const failingConstraint: ConstraintStrategy = {
  name: 'tenant',
  storage: () => {
    const handlers = new Map<string, RouteHandler>();
    return {
      get: (value: string) => handlers.get(value) ?? null,
      set: (value: string, handler: RouteHandler) => void handlers.set(value, handler),
    };
  },
  validate: () => undefined,
  deriveConstraint: (_req, _ctx, done?: (error: Error | null) => void) =>
    done?.(new Error('tenant store unavailable')),
  mustMatchWhenDerived: true,
};

function bareApp(options: FastifyServerOptions) {
  const logs = new LogRecorder();
  const app = Fastify({
    ...options,
    frameworkErrors: frameworkErrorHandler(createLogger('info', logs)),
  });
  return { app, logs };
}

describe('errors Fastify raises before routing', () => {
  it('answers a path segment past maxParamLength with a 400 problem, logged as its request line only', async () => {
    const { app, logs } = bareApp({ routerOptions: { maxParamLength: 5 } });
    app.get('/items/:id', () => 'found');
    const sentAt = performance.now();

    const res = await app.inject({ method: 'GET', url: '/items/123456?x=1' });
    const waited = performance.now() - sentAt;

    expect(res).toBeProblem(400, { detail: 'The request could not be processed.' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    expect(logs.entries).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { method: 'GET', url: '/items/123456' },
        res: { statusCode: 400 },
      }),
    ]);
    const [line] = logs.entries as { responseTime: number }[];
    expect(line?.responseTime).toBeGreaterThanOrEqual(0);
    expect(line?.responseTime).toBeLessThanOrEqual(Math.ceil(waited));
  });

  it('answers a route constraint that fails with a 500 problem, and logs the error with its route', async () => {
    const { app, logs } = bareApp({ constraints: { tenant: failingConstraint } });
    app.get('/items', { constraints: { tenant: 'a' } }, () => 'found');

    const res = await app.inject({ method: 'GET', url: '/items?x=1' });

    expect(res).toBeProblem(500, { detail: 'An unexpected error occurred.' });
    expect(logs.entries).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'unexpected error',
        method: 'GET',
        path: '/items',
        err: expect.objectContaining({ name: 'FastifyError' }),
      }),
      expect.objectContaining({ msg: 'request completed', res: { statusCode: 500 } }),
    ]);
  });
});
