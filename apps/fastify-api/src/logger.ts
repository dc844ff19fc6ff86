import pino, { type DestinationStream, type Logger } from 'pino';

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

/** Structured JSON logs; tests pass a LogRecorder as the destination. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
