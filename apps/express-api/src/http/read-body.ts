import express, { type Request, type RequestHandler } from 'express';
import { BODY_LIMIT_BYTES } from './body-limit';
import { refusePrototypeKeys } from './prototype-keys';
import { RefusedBodyError } from './errors';

/**
 * What is read as JSON, the same rule in both apps: `application/json` in UTF-8 (RFC 8259).
 * Another charset is not read rather than refused with 415, a status the contract does not have.
 */
export function isUtf8Json(contentType: string | undefined): boolean {
  // Stryker disable next-line StringLiteral: split returns at least one element (its default only satisfies noUncheckedIndexedAccess), and any text but a JSON type stands in for a missing one
  const [mediaType = '', ...parameters] = (contentType ?? '').toLowerCase().split(';');
  const charset = parameters
    .map((parameter) => parameter.trim())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  return mediaType.trim() === 'application/json' && (charset === undefined || charset === 'utf-8');
}

// Methods whose body Fastify never reads; it reads every other method's whenever a type is
// declared, and without a type when a body is.
const BODYLESS = new Set(['GET', 'HEAD', 'TRACE']);

/** JSON declared, nothing sent: the Fastify twin's words for it, not an empty object. */
function declaresEmptyJson(req: Request): boolean {
  const { headers } = req;
  return (
    !BODYLESS.has(req.method) &&
    isUtf8Json(headers['content-type']) &&
    headers['transfer-encoding'] === undefined &&
    !(Number(headers['content-length']) > 0)
  );
}

const refuseEmptyJson: RequestHandler = (req, _res, next) => {
  if (declaresEmptyJson(req))
    throw new RefusedBodyError('The request body is empty; a JSON object is expected.');
  next();
};

// Fastify validates a body it did not read as JSON (another type, or none at all) as `null`.
const dropUnreadBody: RequestHandler = (req, _res, next) => {
  if (req.body === undefined || Buffer.isBuffer(req.body)) req.body = null;
  next();
};

/**
 * Reads the body, placed in each route after authentication and authorisation, as the Fastify
 * twin parses it after its onRequest hooks: a caller who may not use a route learns nothing
 * from how its body would have been read (docs/api-contract.md). Any body but JSON is read
 * within the same limit and dropped, as in the Fastify app: too large is 413 whatever the
 * type, and otherwise the route's schema reports the missing object.
 */
const bodySteps: RequestHandler[] = [
  refuseEmptyJson,
  express.json({
    limit: BODY_LIMIT_BYTES,
    type: (req) => isUtf8Json(req.headers['content-type']),
    // Any JSON value is read, as in the Fastify twin: the route's schema then says that an
    // object was expected, rather than the parser calling `"text"` invalid JSON.
    strict: false,
    reviver: refusePrototypeKeys,
  }),
  express.raw({ limit: BODY_LIMIT_BYTES, type: () => true }),
  dropUnreadBody,
];

export const readBody: RequestHandler = express.Router().use(bodySteps);

/** For unknown routes and methods: the body read first, as Fastify does, but never a GET's. */
export const readBodyUnlessGet: RequestHandler = (req, res, next) => {
  if (BODYLESS.has(req.method)) next();
  else readBody(req, res, next);
};
