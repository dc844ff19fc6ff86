/**
 * The Pwned Passwords range API's answer: one `SUFFIX:COUNT` line per SHA-1 that starts with
 * the prefix asked for, the suffix being its other 35 hex characters. With `Add-Padding: true`
 * the service adds made-up suffixes with a count of 0, so that the size of the answer does not
 * tell an observer which prefix was asked for; those are not breaches.
 */
const LINE = /^([0-9A-F]{35}):(\d+)$/i;

export class MalformedRangeResponseError extends Error {
  override name = 'MalformedRangeResponseError';
}

/**
 * How many times the password whose SHA-1 ends in `suffix` appears in known breaches: 0 when
 * it is not listed, or only as padding. Anything that is not a range answer (an HTML error
 * page, a truncated body, nothing at all) throws: it is not evidence that a password is clean.
 */
export function breachCount(body: string, suffix: string): number {
  const wanted = suffix.toUpperCase();
  let listed = false;
  let count = 0;
  // A byte order mark is no part of the first line (Node's UTF-8 decoding keeps it).
  for (const line of body.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line === '') continue;
    const match = LINE.exec(line);
    if (!match) throw new MalformedRangeResponseError('a line is not SUFFIX:COUNT');
    listed = true;
    // Stryker disable next-line OptionalChaining: equivalent, a match always has its groups; `?.` is for the type checker
    if (match[1]?.toUpperCase() === wanted) count = Number(match[2]);
  }
  // A padded answer always holds hundreds of lines: an empty one is not an answer.
  if (!listed) throw new MalformedRangeResponseError('no SUFFIX:COUNT line');
  return count;
}
