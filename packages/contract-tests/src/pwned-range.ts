import { createHash, randomBytes } from 'node:crypto';

/**
 * Answers as the Pwned Passwords range API gives them, for the tests of the apps' breached-
 * password check: the apps' integration tests (through test-utils' interceptOutboundHttp)
 * and the contract suite (through a range server on loopback) arrange them the same way.
 */

/** The password's SHA-1 in uppercase hex, as the service lists it: NFC, as the apps hash it. */
export const sha1Hex = (password: string): string =>
  createHash('sha1').update(password.normalize('NFC'), 'utf8').digest('hex').toUpperCase();

/** The only part of the hash that may leave the app: `/range/ABCDE`. */
export const rangePath = (password: string): string => `/range/${sha1Hex(password).slice(0, 5)}`;

const otherSuffix = () => randomBytes(18).toString('hex').slice(0, 35).toUpperCase();
const otherLines = () => [`${otherSuffix()}:3`, `${otherSuffix()}:0`, `${otherSuffix()}:12`];

/** A range that lists none of the passwords a test uses (their suffixes are not random). */
export const cleanRange = (): string => otherLines().join('\r\n');

/**
 * A range answer, CRLF-separated, with other suffixes around: `count` > 0 lists the password
 * as breached; 0 lists it as a padding line; undefined leaves it out.
 */
export function rangeAnswer(password: string, count?: number): string {
  const lines = otherLines();
  if (count !== undefined) lines.splice(1, 0, `${sha1Hex(password).slice(5)}:${count}`);
  return lines.join('\r\n');
}
