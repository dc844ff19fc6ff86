// Unit suite: the one error handler, on a bare Fastify app whose route throws what a library
// might (a 4xx of its own, a 5xx, a redirect status): errors the whole app cannot be made to
// throw on purpose. The app's own suites check the errors it throws. See docs/fastify-api.md.
import { LogRecorder } from '@testbed/test-utils';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import request from 'supertest';
import { registerErrorHandling } from '../../src/http/error-handler';
import { createLogger } from '../../src/logger';

const fromLibrary = (fields: Record<string, unknown>) =>
  Object.assign(new Error('thrown by a library'), fields);

let closeApp: (() => Promise<unknown>) | undefined;
afterEach(() => closeApp?.());

async function serverThrowing(error: Error, logs = new LogRecorder()) {
  // Typed as the app takes it (AppDeps), so the instance is the app's kind.
  const logger: FastifyBaseLogger = createLogger('info', logs);
  const app = Fastify({ loggerInstance: logger });
  closeApp = () => app.close();
  registerErrorHandling(app);
  app.get('/fail', () => {
    throw error;
  });
  await app.ready();
  return app.server;
}

describe('the error handler', () => {
  it.each([400, 418])(
    'answers a library %i of its own with that status and a generic detail',
    async (statusCode) => {
      const server = await serverThrowing(fromLibrary({ statusCode, code: 'LIBRARY_FAULT' }));

      const res = await request(server).get('/fail');

      expect(res).toBeProblem(statusCode, { detail: 'The request could not be processed.' });
    },
  );

  it.each([302, 500, 502])(
    'answers a library error with status %i as an unexpected 500 and logs it',
    async (statusCode) => {
      const logs = new LogRecorder();
      const server = await serverThrowing(fromLibrary({ statusCode }), logs);

      const res = await request(server).get('/fail?probe=1');

      expect(res).toBeProblem(500, { detail: 'An unexpected error occurred.' });
      expect(logs.entries.filter((entry) => entry.msg === 'unexpected error')).toEqual([
        expect.objectContaining({
          level: 50,
          method: 'GET',
          path: '/fail',
          err: expect.objectContaining({ name: 'Error', message: 'thrown by a library' }),
        }),
      ]);
    },
  );
});
