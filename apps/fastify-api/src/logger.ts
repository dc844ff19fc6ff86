import pino, { type DestinationStream, type Logger } from 'pino';

// Belt and braces: the app never logs these, and if a request object is logged whole they are masked.
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.access_token',
];

/** Structured JSON logs; tests pass a LogRecorder as the destination. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
