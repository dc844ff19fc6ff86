import type { FastifyInstance } from 'fastify';

/**
 * On every response, errors included (docs/hardening/security.md): nothing the API sends may
 * be kept by a browser or proxy cache, since tokens and personal data are in the bodies, and
 * no browser may read a body as anything but its declared type.
 */
export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
} as const;

/** The first onRequest hook, so 404s, 405s, parse errors and 413s carry them too. */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
}
