// Unit test of the range-answer parser: a pure function, so every shape of answer is one small
// test with no HTTP. Whether the app asks, with what, and what it does with the answer is the
// integration suite's (tests/integration/workflows/password-breach-check.test.ts); see
// docs/external-services.md for which level tests what.
import { breachCount, MalformedRangeResponseError } from '../../src/auth/pwned-range-response';

const SUFFIX = '0018A45C4D1DEF81644B54AB7F969B88D65';
const OTHER = '00D4F6E8FA6EECAD2A3AA415EEC418D38EC';

describe('breachCount', () => {
  it('gives the count of the suffix asked for, among CRLF-separated lines', () => {
    expect(breachCount(`${OTHER}:2\r\n${SUFFIX}:42\r\n`, SUFFIX)).toBe(42);
  });

  it('matches the suffix whatever the case of its hex letters', () => {
    expect(breachCount(`${SUFFIX.toLowerCase()}:5`, SUFFIX)).toBe(5);
  });

  it('gives 0 for a suffix that is not listed', () => {
    expect(breachCount(`${OTHER}:2`, SUFFIX)).toBe(0);
  });

  it('gives 0 for a suffix listed only as padding (count 0)', () => {
    expect(breachCount(`${OTHER}:2\r\n${SUFFIX}:0`, SUFFIX)).toBe(0);
  });

  it('reads an answer that starts with a byte order mark', () => {
    expect(breachCount(`\uFEFF${SUFFIX}:3\r\n${OTHER}:2`, SUFFIX)).toBe(3);
  });

  it('reads lines that end in LF alone', () => {
    expect(breachCount(`${OTHER}:2\n${SUFFIX}:7\n`, SUFFIX)).toBe(7);
  });

  it.each([
    ['an HTML error page', '<html><body>Service Unavailable</body></html>'],
    ['an empty body', ''],
    ['a range cut off by an error page', `${OTHER}:2\r\n<html>Bad Gateway</html>`],
    ['a line with no count', `${SUFFIX}\r\n`],
    ['a suffix of the wrong length', `${SUFFIX}0:3`],
    ['a count that is not a number', `${SUFFIX}:many`],
    ['a byte order mark anywhere but at the start', `${OTHER}:2\r\n\uFEFF${SUFFIX}:3`],
  ])('throws for %s, which is no evidence that a password is clean', (_what, body) => {
    expect(() => breachCount(body, SUFFIX)).toThrow(MalformedRangeResponseError);
    // The message is for whoever debugs the service: it names the shape that was expected.
    expect(() => breachCount(body, SUFFIX)).toThrow(/SUFFIX:COUNT/);
  });
});
