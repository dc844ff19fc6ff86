// Unit tests for the log destination the apps' suites read events from.
import { LogRecorder } from '../../src';

describe('LogRecorder', () => {
  it('parses each JSON line written, even several in one chunk', () => {
    const logs = new LogRecorder();

    logs.write('{"level":30,"event":"user.registered"}\n{"level":40,"event":"login.failed"}\n');

    expect(logs.entries).toEqual([
      { level: 30, event: 'user.registered' },
      { level: 40, event: 'login.failed' },
    ]);
  });

  it('skips blank lines, a carriage return or spaces alone among them', () => {
    const logs = new LogRecorder();

    logs.write('{"event":"a"}\r\n\r\n  \n{"event":"b"}\n');

    expect(logs.entries).toEqual([{ event: 'a' }, { event: 'b' }]);
  });

  it('finds entries by event name', () => {
    const logs = new LogRecorder();
    logs.write('{"event":"login.failed","email":"a@example.test"}\n{"event":"user.deleted"}\n');

    expect(logs.events('login.failed')).toEqual([
      { event: 'login.failed', email: 'a@example.test' },
    ]);
  });

  it('exposes everything as text, to prove a secret never reached the log', () => {
    const logs = new LogRecorder();
    logs.write('{"event":"login.failed","email":"a@example.test"}\n');

    expect(logs.text()).toContain('a@example.test');
    expect(logs.text()).not.toContain('hunter2');
  });

  it('forgets on clear', () => {
    const logs = new LogRecorder();
    logs.write('{"event":"x"}\n');

    logs.clear();

    expect(logs.entries).toEqual([]);
  });
});
