import pino, { type DestinationStream, type Logger } from 'pino';
import { build } from 'pino-pretty';
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
  // Written as it is logged, not queued: pino's own stdout destination writes in the
  // background, and a line queued at exit came out after a later one, or not at all.
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: as below, it shows only at exit, which a test in Jest's process cannot see without racing the write
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/**
 * Where the logs go when no destination is given: readable lines for a person at a terminal
 * (outside production), JSON lines for everything that reads them as data (a pipe, a file, a log
 * collector, production). `LOG_FORMAT` decides when set. The same fields either way.
 * `terminal`: whether a person is reading, as when stdout is a TTY.
 */
export function consoleDestination(
  format: 'json' | 'pretty' | undefined,
  production: boolean,
  output: number | NodeJS.WritableStream = 1,
  terminal: boolean = process.stdout.isTTY,
): DestinationStream | undefined {
  const pretty = format === undefined ? !production && terminal : format === 'pretty';
  if (!pretty) return undefined;
  // In this thread, not a worker: a development terminal, where every line should be out
  // before the process exits.
  return build({
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'app',
    singleLine: true,
    // Colours for a person only: escape codes are noise in a file or a pipe. pino-pretty's own
    // guess reads stdout and FORCE_COLOR, not the output it is given.
    colorize: terminal,
    // Stryker disable next-line BooleanLiteral: it shows only at exit (a queued line lost), which a test in Jest's process cannot see without racing the async write
    sync: true,
    destination: output,
  });
}
