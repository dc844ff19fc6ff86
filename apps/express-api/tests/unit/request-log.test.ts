// Unit suite: the fields of the one line logged per request (src/http/request-log.ts); the
// integration suites check that the line is written, this checks what it holds.
import { requestLine } from '../../src/http/request-log';

describe('the request completed line', () => {
  it('keeps the path and drops the query, which can hold a token', () => {
    const line = requestLine('POST', '/api/auth/verify-email?token=secret-token', 200, 3);

    expect(line).toEqual({
      req: { method: 'POST', url: '/api/auth/verify-email' },
      res: { statusCode: 200 },
      responseTime: 3,
    });
  });

  it.each([
    [12.345_678, 12.3],
    [0.049_9, 0],
    [0.05, 0.1],
    [1_234.96, 1_235],
  ])('gives a response time of %d ms as %d, to a tenth of a millisecond', (elapsedMs, logged) => {
    expect(requestLine('GET', '/health', 200, elapsedMs).responseTime).toBe(logged);
  });
});
