import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

// Belt and braces: no code logs these, and if one ever did they would be masked.
const REDACT = [
  'password',
  '*.password',
  'passwordHash',
  '*.passwordHash',
  'token',
  '*.token',
  'access_token',
  'req.headers.authorization',
];

/** Structured JSON logs. Domain events carry an `event` field: `{ event: 'login_failed' }`. */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = { level, base: { app: 'express-api' }, redact: REDACT };
  return destination ? pino(options, destination) : pino(options);
}
