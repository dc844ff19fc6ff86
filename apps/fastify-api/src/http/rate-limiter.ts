import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import { TooManyRequestsError } from './errors';
import type { RateLimit } from './rate-limits';

/** Far more addresses than a busy day brings; past it the oldest windows are forgotten first. */
export const MAX_KEYS = 10_000;

export interface RateLimiterOptions {
  /** Names the limit in the `rate_limited` log event: `register`. */
  name: string;
  limit: RateLimit;
  /** What the key is, as a log field: `clientIp` or `userId`. */
  keyField: 'clientIp' | 'userId';
  /** The 429's detail. */
  detail: string;
  maxKeys?: number;
}

interface Window {
  count: number;
  endsAt: number;
  logged: boolean;
}

/**
 * Fixed-window counters in this process's memory, on the injected clock. Cheap enough to run
 * before any hash, query or email; the price is that each process counts alone, so N
 * instances let N times the limit through (the login throttle, which guards passwords, lives
 * in the database instead). Memory stays bounded: ended windows are dropped as new keys come,
 * and past `maxKeys` the oldest go first, so a flood of addresses cannot grow the map.
 */
export class RateLimiter {
  // Every window is as long as the next, so insertion order is also the order they end in.
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: RateLimiterOptions,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Counts one request for `key`, or throws 429 with Retry-After when the window is full. */
  take(key: string): void {
    const now = this.clock.now().getTime();
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      this.open(key, now);
      return;
    }
    if (window.count < this.options.limit.max) {
      window.count += 1;
      return;
    }
    this.logOnce(key, window);
    const retryAfterSeconds = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    throw new TooManyRequestsError(this.options.detail, retryAfterSeconds);
  }

  private open(key: string, now: number): void {
    this.windows.delete(key);
    const maxKeys = this.options.maxKeys ?? MAX_KEYS;
    for (const [oldKey, old] of this.windows) {
      if (old.endsAt > now && this.windows.size < maxKeys) break;
      this.windows.delete(oldKey);
    }
    const endsAt = now + this.options.limit.windowSeconds * 1000;
    this.windows.set(key, { count: 1, endsAt, logged: false });
  }

  /** One event per key and window: a flood of refused requests must not flood the log too. */
  private logOnce(key: string, window: Window): void {
    if (window.logged) return;
    window.logged = true;
    const { name, keyField } = this.options;
    this.log.warn({ event: 'rate_limited', limit: name, [keyField]: key });
  }

  /** How many keys are held: for the test that the map stays bounded. */
  get size(): number {
    return this.windows.size;
  }
}
