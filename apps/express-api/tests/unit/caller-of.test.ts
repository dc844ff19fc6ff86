// Unit test: a route that reads its caller fails closed, with the 401 of a missing token, when
// it was wired without `authenticate` (a mistake no request can make on purpose, so no HTTP
// test reaches it). See docs/hardening/security.md.
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import type { Request } from 'express';
import { callerOf } from '../../src/http/authenticate';
import { UnauthorizedError } from '../../src/http/errors';

describe('callerOf', () => {
  it('refuses with 401 a request that did not pass through authenticate', () => {
    const request = new IncomingMessage(new Socket()) as Request;

    const read = () => callerOf(request);

    expect(read).toThrow(UnauthorizedError);
  });
});
