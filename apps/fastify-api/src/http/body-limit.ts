import type { IncomingHttpHeaders } from 'node:http';
import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

/** 100 kB, Express's default, so both apps refuse the same bodies with 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

function declaresBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length']) > 0;
}

/**
 * An answer that goes before the request's body has arrived (a 401 from the auth hook, a 413)
 * ends the connection: Node would otherwise read the rest of the body into nothing, and a
 * client still sending it would meet the request timeout, and a second answer, later.
 */
export function closeWhenBodyUnread(request: FastifyRequest, reply: FastifyReply): void {
  if (declaresBody(request.headers) && !request.raw.complete) reply.header('connection', 'close');
}

/**
 * A body declared larger than the limit is refused at once, before authentication, as in the
 * Express twin: read only to be refused, it would hold the connection until the request timeout.
 */
export function limitBodies(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (Number(request.headers['content-length']) > BODY_LIMIT_BYTES)
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    else done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    closeWhenBodyUnread(request, reply);
    done(null, payload);
  });
}
