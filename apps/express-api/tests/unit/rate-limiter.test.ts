// Unit tests: the in-memory limiter behind the per-address and per-account limits, on a
// FakeClock and a LogRecorder, with no server. See docs/express-api.md.
import { FakeClock, LogRecorder } from '@testbed/test-utils';
import { TooManyRequestsError } from '../../src/http/errors';
import { RateLimiter } from '../../src/http/rate-limiter';
import { createLogger } from '../../src/logger';

function limiterOf(max: number, windowSeconds: number, maxKeys?: number) {
  const clock = new FakeClock();
  const logs = new LogRecorder();
  const options = { name: 'register', keyField: 'clientIp' as const, detail: 'Slow down.' };
  const limit = { max, windowSeconds };
  const limiter = new RateLimiter(
    { ...options, limit, maxKeys },
    clock,
    createLogger('info', logs),
  );
  return { limiter, clock, logs };
}

function refusal(take: () => void): TooManyRequestsError | undefined {
  try {
    take();
  } catch (error) {
    if (error instanceof TooManyRequestsError) return error;
    throw error;
  }
  return undefined;
}

describe('RateLimiter', () => {
  it('lets max requests through in a window, then refuses with the seconds left in it', () => {
    const { limiter, clock } = limiterOf(2, 60);
    limiter.take('10.0.0.1');
    clock.advance({ seconds: 20 });
    limiter.take('10.0.0.1');
    clock.advance({ milliseconds: 500 });

    const error = refusal(() => limiter.take('10.0.0.1'));

    expect(error?.status).toBe(429);
    expect(error?.headers).toEqual({ 'Retry-After': '40' });
  });

  it('opens a new window once the last one has ended', () => {
    const { limiter, clock } = limiterOf(1, 60);
    limiter.take('10.0.0.1');
    clock.advance({ seconds: 60 });

    expect(refusal(() => limiter.take('10.0.0.1'))).toBeUndefined();
  });

  it('counts each key on its own', () => {
    const { limiter } = limiterOf(1, 60);
    limiter.take('10.0.0.1');

    expect(refusal(() => limiter.take('10.0.0.2'))).toBeUndefined();
  });

  it('drops ended windows as new keys come', () => {
    const { limiter, clock } = limiterOf(1, 60);
    limiter.take('10.0.0.1');
    limiter.take('10.0.0.2');
    clock.advance({ seconds: 61 });

    limiter.take('10.0.0.3');

    expect(limiter.size).toBe(1);
  });

  // The instant a window ends is the instant take() opens a new one: kept, it would be memory
  // no request can use.
  it('drops a window the moment it ends', () => {
    const { limiter, clock } = limiterOf(1, 60);
    limiter.take('10.0.0.1');
    clock.advance({ seconds: 60 });

    limiter.take('10.0.0.2');

    expect(limiter.size).toBe(1);
  });

  it('never holds more than maxKeys windows, forgetting the oldest first', () => {
    const { limiter } = limiterOf(1, 60, 3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) limiter.take(key);

    expect(limiter.size).toBe(3);
    expect(refusal(() => limiter.take('a'))).toBeUndefined();
    expect(refusal(() => limiter.take('e'))).toBeInstanceOf(TooManyRequestsError);
  });

  it('logs one rate_limited event per key and window, however many requests it refuses', () => {
    const { limiter, logs } = limiterOf(1, 60);
    limiter.take('10.0.0.1');

    for (let i = 0; i < 3; i += 1) refusal(() => limiter.take('10.0.0.1'));

    expect(logs.events('rate_limited')).toEqual([
      expect.objectContaining({ limit: 'register', clientIp: '10.0.0.1' }),
    ]);
  });
});
