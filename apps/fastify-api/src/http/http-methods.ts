import { METHODS } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Every method Node parses reaches the not-found handler as the Express twin's router sees it:
 * with its body read first, then 404, or 405 and `Allow` on a known path. Fastify knows only a
 * few methods and sends the others (`PROPFIND`, `PURGE`…) there without reading the body, so a
 * bad body would be a 400 in one app and a 405 in the other. CONNECT never gets that far: Node
 * hands it to the server's `connect` event.
 */
export function routeEveryMethod(app: FastifyInstance): void {
  const known = new Set(app.supportedMethods);
  for (const method of METHODS)
    if (!known.has(method) && method !== 'CONNECT') app.addHttpMethod(method, { hasBody: true });
}
