// Unit test: a route that reads its caller fails closed, with a 401, when it was registered
// without the `authenticate` hook (a mistake no request can make on purpose, so no HTTP test
// reaches it). See docs/hardening/security.md.
import type { FastifyRequest } from 'fastify';
import { callerOf } from '../../src/auth/auth.plugin';
import { UnauthorizedError } from '../../src/http/errors';

describe('callerOf', () => {
  it('refuses with 401 a request that did not pass through authenticate', () => {
    const request = { caller: null } as FastifyRequest;

    const read = () => callerOf(request);

    expect(read).toThrow(UnauthorizedError);
  });
});
