export interface Clock {
  now(): Date;
}

export interface Duration {
  milliseconds?: number;
  seconds?: number;
  minutes?: number;
  hours?: number;
  days?: number;
}

export function durationToMs(duration: Duration): number {
  const { milliseconds = 0, seconds = 0, minutes = 0, hours = 0, days = 0 } = duration;
  return milliseconds + 1000 * (seconds + 60 * (minutes + 60 * (hours + 24 * days)));
}

/**
 * A clock that moves only when the test moves it. Inject it where the app asks for
 * `clock.now()`; unlike Jest's fake timers it leaves the event loop, the database driver
 * and the HTTP client alone.
 */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2030-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(by: Duration | number): Date {
    this.current += typeof by === 'number' ? by : durationToMs(by);
    return this.now();
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}
