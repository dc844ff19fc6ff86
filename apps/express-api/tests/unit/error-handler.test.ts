// Unit suite: the one error handler, on a bare Express app whose route throws what a library
// might (a 4xx without a type, a 5xx, body-parser's refusals): errors the whole app cannot be
// made to throw on purpose. The app's own suites check the errors it throws. See docs/express-api.md.
import { Agent } from 'node:http';
import { LogRecorder } from '@testbed/test-utils';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import request from 'supertest';
import { errorHandler } from '../../src/http/error-handler';
import { createLogger } from '../../src/logger';

const fromLibrary = (fields: Record<string, unknown>) =>
  Object.assign(new Error('thrown by a library'), fields);

function appWith(route: RequestHandler, logs = new LogRecorder(), after?: ErrorRequestHandler) {
  const app = express();
  app.get('/fail', route);
  app.use(errorHandler(createLogger('info', logs)));
  if (after) app.use(after);
  return app;
}

const throwing =
  (error: Error): RequestHandler =>
  () => {
    throw error;
  };

describe('errorHandler', () => {
  // Without keep-alive, supertest's client asks to close every connection itself.
  const keptAlive = new Agent({ keepAlive: true });
  afterAll(() => keptAlive.destroy());

  it('answers a library 4xx without a type with its status, a generic detail, and keeps the connection', async () => {
    const app = appWith(throwing(fromLibrary({ status: 418 })));

    const res = await request(app).get('/fail').agent(keptAlive);

    expect(res).toBeProblem(418, { detail: 'The request could not be processed.' });
    expect(res.headers.connection).toBe('keep-alive');
  });

  it('answers a body-parser refusal other than bad JSON as a body it could not read, and closes the connection', async () => {
    const app = appWith(throwing(fromLibrary({ status: 400, type: 'request.aborted' })));

    const res = await request(app).get('/fail').agent(keptAlive);

    expect(res).toBeProblem(400, { detail: 'The request body could not be read.' });
    expect(res.headers.connection).toBe('close');
  });

  it.each([302, 500, 502, '404'])(
    'answers a library error with status %p as an unexpected 500 and logs it',
    async (status) => {
      const logs = new LogRecorder();
      const app = appWith(throwing(fromLibrary({ status })), logs);

      const res = await request(app).get('/fail');

      expect(res).toBeProblem(500, { detail: 'An unexpected error occurred.' });
      expect(logs.entries).toEqual([
        expect.objectContaining({ level: 50, msg: 'unexpected error', path: '/fail' }),
      ]);
    },
  );

  describe('after the answer has gone', () => {
    const answeredThen =
      (error: Error): RequestHandler =>
      (_req, res, next) => {
        res.status(413).end();
        next(error);
      };
    // In the app, the next handler is Express's own, which prints the error to stderr.
    const recordingInto =
      (reached: unknown[]): ErrorRequestHandler =>
      (error: unknown, _req, _res, next) => {
        reached.push(error);
        next(error);
      };

    it('keeps a body that grew over the limit, already answered 413, from the next handler', async () => {
      const reached: unknown[] = [];
      const error = fromLibrary({ status: 413, type: 'entity.too.large' });
      const app = appWith(answeredThen(error), new LogRecorder(), recordingInto(reached));

      const res = await request(app).get('/fail');

      expect(res.status).toBe(413);
      expect(reached).toEqual([]);
    });

    it('hands any other error on to the next handler', async () => {
      const reached: unknown[] = [];
      const error = fromLibrary({ status: 400, type: 'request.aborted' });
      const app = appWith(answeredThen(error), new LogRecorder(), recordingInto(reached));

      const res = await request(app).get('/fail');

      expect(res.status).toBe(413);
      expect(reached).toEqual([error]);
    });
  });
});
