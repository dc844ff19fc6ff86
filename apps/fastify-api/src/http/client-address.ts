import { isIP } from 'node:net';
import type { FastifyRequest } from 'fastify';

// How Node writes an IPv4 client of a dual-stack socket: `::ffff:203.0.113.7`.
const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * Whether a value is an address. A zone index (`fe80::1%eth0`) is a local interface's name,
 * meaningless from a forwarded header, and `isIP` accepts it at any length.
 */
function isAddress(value: string | undefined): value is string {
  // Stryker disable next-line ConditionalExpression: equivalent, isIP(undefined) is 0 too; the check is for the type checker
  if (value === undefined) return false;
  return isIP(value) !== 0 && !value.includes('%');
}

/**
 * The client address from what the framework resolved and the socket's peer: the resolved one
 * when it is an address, else the socket's. A trusted proxy passes on whatever its client put
 * in X-Forwarded-For; a value that is no address (`unknown`, a port, 8000 characters) must
 * neither reach the logs nor give each request a throttle and limiter key of its own.
 */
export function resolveClientAddress(resolved: string | undefined, socket: string | undefined) {
  const address = isAddress(resolved) ? resolved : (socket ?? 'unknown');
  return MAPPED_IPV4.exec(address)?.[1] ?? address;
}

/** The one place the apps read a client's address: throttle, request limits and logs. */
export function clientAddress(request: FastifyRequest): string {
  return resolveClientAddress(request.ip, request.socket.remoteAddress);
}
