// Unit tests for the clock the apps take as a dependency.
import { FakeClock, durationToMs } from '../../src';

describe('FakeClock', () => {
  it('stands still until the test moves it', () => {
    const clock = new FakeClock('2030-01-01T00:00:00.000Z');

    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('moves forward by a duration or by milliseconds', () => {
    const clock = new FakeClock('2030-01-01T00:00:00.000Z');

    clock.advance({ days: 1, hours: 1, minutes: 1, seconds: 1 });
    clock.advance(500);

    expect(clock.now().toISOString()).toBe('2030-01-02T01:01:01.500Z');
  });

  it('starts at 2030-01-01T00:00:00.000Z when given no start', () => {
    const clock = new FakeClock();

    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('can be set to any moment', () => {
    const clock = new FakeClock();

    clock.set('2031-06-15T12:00:00.000Z');

    expect(clock.now().toISOString()).toBe('2031-06-15T12:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it by mutating a date', () => {
    const clock = new FakeClock('2030-01-01T00:00:00.000Z');

    clock.now().setFullYear(1999);

    expect(clock.now().getUTCFullYear()).toBe(2030);
  });
});

describe('durationToMs', () => {
  it('adds every unit up', () => {
    expect(durationToMs({ milliseconds: 1, seconds: 1, minutes: 1, hours: 1, days: 1 })).toBe(
      90_061_001,
    );
  });

  it('counts each day as 24 hours', () => {
    expect(durationToMs({ days: 3 })).toBe(3 * 24 * 60 * 60 * 1000);
  });
});
