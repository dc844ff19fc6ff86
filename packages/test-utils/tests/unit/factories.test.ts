// Unit tests for test data: unique, deterministic values and factories that persist.
import { createSequence, defineFactory, type Sequence } from '../../src';

describe('createSequence', () => {
  it('gives unique emails that name the worker, the same ones on every run', () => {
    const first = createSequence('3');
    const again = createSequence('3');

    const emails = [first.email(), first.email('admin')];

    expect(emails).toEqual(['user.w3.1@example.test', 'admin.w3.2@example.test']);
    expect([again.email(), again.email('admin')]).toEqual(emails);
  });

  it('never gives two workers the same email', () => {
    expect(createSequence('1').email()).not.toBe(createSequence('2').email());
  });
});

describe('defineFactory', () => {
  const saved: object[] = [];
  const users = defineFactory({
    defaults: (sequence) => ({ name: sequence.name(), email: sequence.email(), role: 'user' }),
    persist: async (attributes) => {
      saved.push(attributes);
      return Promise.resolve({ id: saved.length, ...attributes });
    },
    sequence: createSequence('1'),
  });

  beforeEach(() => {
    saved.length = 0;
  });

  it('builds valid defaults with only the overrides a test cares about', () => {
    const admin = users.build({ role: 'admin' });

    expect(admin).toEqual({
      name: expect.stringMatching(/^User w1 \d+$/),
      email: expect.stringMatching(/@example\.test$/),
      role: 'admin',
    });
    expect(saved).toEqual([]);
  });

  it('persists through the function it was given and returns what that saved', async () => {
    const user = await users.create({ name: 'Ada' });

    expect(user).toEqual({ id: 1, name: 'Ada', email: expect.any(String), role: 'user' });
    expect(saved).toHaveLength(1);
  });

  it('creates many, one after another, each unique', async () => {
    const created = await users.createMany(3);

    expect(created.map((user) => user.id)).toEqual([1, 2, 3]);
    expect(new Set(created.map((user) => user.email)).size).toBe(3);
  });

  it('draws its unique values from the sequence it is given, or else from its own', () => {
    const defaults = (sequence: Sequence) => ({ email: sequence.email() });
    const persist = async (attributes: { email: string }) => Promise.resolve(attributes);

    const given = defineFactory({ defaults, persist, sequence: createSequence('7') }).build();
    const own = defineFactory({ defaults, persist }).build();

    expect(given.email).toBe('user.w7.1@example.test');
    expect(own.email).toMatch(/^user\.w\d+\.1@example\.test$/);
  });
});
