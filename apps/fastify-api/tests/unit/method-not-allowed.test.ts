// Unit suite: which methods a path is known for (src/http/method-not-allowed.ts), the base of
// the 405 and its Allow header. The contract asks every route of this app; a bare Fastify shows
// the route shapes the app does not have yet: a wildcard and a path ending in a slash.
import Fastify, { type FastifyInstance } from 'fastify';
import { trackAllowedMethods } from '../../src/http/method-not-allowed';

async function allowedMethodsOf(register: (app: FastifyInstance) => void) {
  const app = Fastify({ exposeHeadRoutes: false });
  const allowedMethods = trackAllowedMethods(app);
  register(app);
  await app.ready();
  return allowedMethods;
}

describe('the methods a path is known for', () => {
  it('reads a parameter as any one segment', async () => {
    const allowed = await allowedMethodsOf((app) => {
      app.put('/users/:id', () => 'ok');
    });

    expect(allowed('/users/42')).toEqual(['PUT']);
    expect(allowed('/users/42/name')).toEqual([]);
  });

  it('reads a wildcard as the rest of the path, slashes and all', async () => {
    const allowed = await allowedMethodsOf((app) => {
      app.get('/files/*', () => 'ok');
    });

    expect(allowed('/files/2030/report.pdf')).toEqual(['GET']);
    expect(allowed('/other/2030')).toEqual([]);
  });

  it('knows a route declared with a trailing slash with or without it', async () => {
    const allowed = await allowedMethodsOf((app) => {
      app.post('/things/', () => 'ok');
    });

    expect(allowed('/things')).toEqual(['POST']);
    expect(allowed('/things/')).toEqual(['POST']);
  });
});
