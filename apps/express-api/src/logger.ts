import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

// Belt and braces: no log call passes these, and if one ever did they would be masked. Pino's
// paths have no recursive wildcard, so each key is listed at every depth a log call reaches:
// `{ password }`, `{ user: { passwordHash } }`, `{ req: { headers: { authorization } } }`,
// `{ err: { config: { headers: { authorization } } } }`.
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'token',
  'tokenHash',
  'access_token',
  'secret',
  'authorization',
  'cookie',
];
const DEPTHS = ['', '*.', '*.*.', '*.*.*.'];
const REDACTED_PATHS = DEPTHS.flatMap((depth) => SECRET_KEYS.map((key) => depth + key));

/** Structured JSON logs. Domain events carry an `event` field: `{ event: 'login_failed' }`. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { app: 'express-api' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
