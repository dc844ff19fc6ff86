/** Where the app reads the time, so tests can hold it still or move it (FakeClock). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
