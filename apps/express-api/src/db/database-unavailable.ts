// SQLSTATEs that say the database cannot serve us right now, not that the request is wrong:
// the connection failures of class 08 (not 08P01, a protocol violation: a bug, such as too
// many bind parameters), 53300 (too many connections), 57014 (statement cancelled: our
// statement timeout), 57P01–57P03 (server shutting down or starting).
// Stryker disable next-line Regex: a SQLSTATE is five characters: the anchors change nothing
const UNAVAILABLE_STATES = /^(0800[0134]|08006|53300|57014|57P0[123])$/;
// What the socket or node-postgres itself reports when there is no server to talk to. The
// database is the only network peer a request waits on whose errors reach this far: a failed
// mail send is turned into its own 503 where it happens.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const UNAVAILABLE_MESSAGES =
  // Stryker disable next-line Regex: node-postgres's own messages begin with these words; only a server error holding them further on would tell
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

// TypeORM's QueryFailedError copies the pg error's code and message onto itself, so it is
// read like the pg error; an error that wraps another in the standard way names it as `cause`.
interface DriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

function isUnavailable({ code, message }: DriverError): boolean {
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))
  )
    return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/**
 * Whether an error means the database is gone, overloaded or too slow: the client should
 * get 503 and try again, not a 500 that reads like a bug. The pg error may be the error
 * itself or wrapped by the ORM, so the chain is followed a few levels.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as DriverError;
    if (isUnavailable(candidate)) return true;
    current = candidate.cause;
  }
  return false;
}
