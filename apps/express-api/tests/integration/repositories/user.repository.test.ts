// Repository suite (2 of 4 kinds): the data access layer alone, on the real database — CRUD,
// case-insensitive email, paging and filters, the typed error for a unique violation, and a
// failed transaction that leaves nothing behind. See docs/express-api.md.
import { testDatabase } from '@testbed/test-utils';
import { useTestApp } from '../../helpers/test-app';
import { Database } from '../../../src/db/database';
import type { NewUser } from '../../../src/users/user.repository';
import { EmailTakenError } from '../../../src/users/user.errors';

const t = useTestApp();
let seq = 0;

const newUser = (overrides: Partial<NewUser> = {}): NewUser => {
  seq += 1;
  return {
    name: `Repo User ${seq}`,
    email: `repo.${testDatabase().name}.${seq}@example.test`,
    passwordHash: '$argon2id$not-a-real-hash',
    role: 'user',
    emailVerified: false,
    createdAt: t.clock.advance({ seconds: 1 }),
    ...overrides,
  };
};

describe('UserRepository', () => {
  it('creates a user and returns it as a plain object with an id', async () => {
    const input = newUser();

    const created = await t.repos.users.create(input);

    expect(created).toEqual({ ...input, id: expect.any(String), updatedAt: input.createdAt });
    expect(Object.getPrototypeOf(created)).toBe(Object.prototype);
  });

  it('finds a user by id', async () => {
    const created = await t.repos.users.create(newUser());

    const found = await t.repos.users.findById(created.id);

    expect(found).toEqual(created);
  });

  it('stores the email lower-cased and finds it in any case', async () => {
    const created = await t.repos.users.create(newUser({ email: 'Mixed.Case@Example.TEST' }));

    const found = await t.repos.users.findByEmail('  MIXED.case@example.test ');

    expect(created.email).toBe('mixed.case@example.test');
    expect(found?.id).toBe(created.id);
  });

  it('stores a changed email lower-cased too', async () => {
    const user = await t.repos.users.create(newUser());

    await t.repos.users.update(user.id, {
      email: 'Changed.Case@Example.TEST',
      updatedAt: t.clock.now(),
    });

    expect(await t.repos.users.findById(user.id)).toMatchObject({
      email: 'changed.case@example.test',
    });
  });

  it('returns undefined for an id or an email that no user has', async () => {
    expect(await t.repos.users.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await t.repos.users.findByEmail('nobody@example.test')).toBeUndefined();
  });

  it('updates only the fields given and returns the updated user', async () => {
    const created = await t.repos.users.create(newUser());
    const updatedAt = t.clock.advance({ hours: 1 });

    const updated = await t.repos.users.update(created.id, { name: 'Renamed', updatedAt });

    expect(updated).toEqual({ ...created, name: 'Renamed', updatedAt });
  });

  it('deletes a user and says whether there was one', async () => {
    const created = await t.repos.users.create(newUser());

    expect(await t.repos.users.delete(created.id)).toBe(true);
    expect(await t.repos.users.delete(created.id)).toBe(false);
    expect(await t.repos.users.findById(created.id)).toBeUndefined();
  });

  it('throws EmailTakenError on create when the email exists in another case', async () => {
    const existing = await t.repos.users.create(newUser());

    const creating = t.repos.users.create(newUser({ email: existing.email.toUpperCase() }));

    await expect(creating).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('throws EmailTakenError on update to an email that another user has', async () => {
    const [first, second] = [
      await t.repos.users.create(newUser()),
      await t.repos.users.create(newUser()),
    ];

    const updating = t.repos.users.update(second.id, {
      email: first.email,
      updatedAt: t.clock.now(),
    });

    await expect(updating).rejects.toBeInstanceOf(EmailTakenError);
  });

  it('passes on a write error that is not a taken email as it is', async () => {
    const user = await t.repos.users.create(newUser());

    // A role the table's check refuses: the types rule it out, a bug past them would not.
    const updating = t.repos.users.update(user.id, {
      role: 'owner' as 'admin',
      updatedAt: t.clock.now(),
    });

    await expect(updating).rejects.toMatchObject({ code: '23514' });
    await expect(updating).rejects.not.toBeInstanceOf(EmailTakenError);
  });

  it('lists in creation order, paged, with the total of all matches', async () => {
    const created = [];
    for (let i = 0; i < 4; i += 1) created.push(await t.repos.users.create(newUser()));

    const page = await t.repos.users.list({ limit: 2, offset: 1 });

    expect(page).toEqual({ items: created.slice(1, 3), total: 4 });
  });

  it('breaks ties in creation time by id', async () => {
    const createdAt = t.clock.now();
    const users = [
      await t.repos.users.create(newUser({ createdAt })),
      await t.repos.users.create(newUser({ createdAt })),
    ];

    const page = await t.repos.users.list({ limit: 10, offset: 0 });

    expect(page.items.map((user) => user.id)).toEqual(users.map((user) => user.id).sort());
  });

  it('filters by role and by emailVerified', async () => {
    const admin = await t.repos.users.create(newUser({ role: 'admin', emailVerified: true }));
    await t.repos.users.create(newUser({ role: 'user', emailVerified: true }));
    await t.repos.users.create(newUser({ role: 'admin', emailVerified: false }));

    const page = await t.repos.users.list({
      role: 'admin',
      emailVerified: true,
      limit: 10,
      offset: 0,
    });

    expect(page).toEqual({ items: [admin], total: 1 });
  });
});

describe('Database.transaction', () => {
  it('leaves nothing behind when the work fails after a write', async () => {
    const db = new Database(t.dataSource);
    const input = newUser();

    const failing = db.transaction(async (repos) => {
      await repos.users.create(input);
      throw new Error('failure after the write');
    });

    await expect(failing).rejects.toThrow('failure after the write');
    expect(await t.repos.users.findByEmail(input.email)).toBeUndefined();
  });

  it('commits every write when the work succeeds', async () => {
    const db = new Database(t.dataSource);

    const user = await db.transaction(async (repos) => {
      const created = await repos.users.create(newUser());
      await repos.verifications.create({
        userId: created.id,
        tokenHash: 'a'.repeat(64),
        expiresAt: t.clock.now(),
        createdAt: t.clock.now(),
      });
      return created;
    });

    expect(await t.repos.verifications.countForUser(user.id)).toBe(1);
  });
});
