import type { Response } from 'supertest';
import { tokenFromLastEmail } from '../given';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

// More requests than the app's pool has connections (4 in the contract targets), so some
// wait for a connection while others hold row locks: the mix a busy server sees.
const N = 12;

/** N requests started together, each on its own connection (`c.api.concurrently`). */
const race = (send: (i: number) => Promise<Response>) =>
  Promise.all(Array.from({ length: N }, (_, i) => send(i)));

/** How many responses got each status: `{ 201: 1, 409: 11 }`. */
const tally = (responses: Response[]) => {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

const withStatus = (responses: Response[], status: number) =>
  responses.filter((res) => res.status === status);

interface UserBody {
  id: string;
  name: string;
  email: string;
}

const pickNameAndEmail = ({ name, email }: UserBody) => ({ name, email });

/**
 * The same request sent many times at once: the database, not the order of arrival, must
 * decide who wins (docs/hardening/concurrency.md).
 */
export function describeConcurrencyContract(target: ContractTarget): void {
  describe(`${target.name} · concurrent requests`, () => {
    const c = useContractApp(target);

    it('returns exactly one 201 and 409 problems to the rest when one email registers N times at once', async () => {
      const body = c.given.attributes();

      const responses = await race(() => c.api.concurrently.post('/api/auth/register').send(body));

      expect(tally(responses)).toEqual({ 201: 1, 409: N - 1 });
      for (const res of withStatus(responses, 409)) expect(res).toBeProblem(409);
      const [winner] = withStatus(responses, 201);
      const { id } = winner?.body as UserBody;
      expect(await c.db.rows('SELECT id FROM users WHERE email = $1', [body.email])).toEqual([
        { id },
      ]);
      expect(await c.db.rows('SELECT user_id FROM email_verifications')).toEqual([{ user_id: id }]);
      expect(c.mailer.sentTo(body.email)).toHaveLength(1);
    });

    it('verifies once when one token is submitted N times at once: one 200, 400 problems to the rest', async () => {
      const user = await c.given.unverifiedUser();
      const token = tokenFromLastEmail(c.mailer, user.email);

      const responses = await race(() =>
        c.api.concurrently.post('/api/auth/verify-email').send({ token }),
      );

      expect(tally(responses)).toEqual({ 200: 1, 400: N - 1 });
      for (const res of withStatus(responses, 400)) expect(res).toBeProblem(400);
      expect(withStatus(responses, 200)[0]?.body).toMatchObject({
        id: user.id,
        emailVerified: true,
      });
      const records = await c.db.rows<{ used_at: Date | null }>(
        'SELECT used_at FROM email_verifications WHERE user_id = $1',
        [user.id],
      );
      expect(records).toEqual([{ used_at: expect.any(Date) as Date }]);
    });

    it('answers N renames sent at once each with its own write, and the last write wins whole', async () => {
      const user = await c.given.user();
      const names = Array.from({ length: N }, (_, i) => `Renamed ${i}`);

      const responses = await race((i) =>
        c.api.concurrently.as(user).patch(`/api/users/${user.id}`).send({ name: names[i] }),
      );

      expect(tally(responses)).toEqual({ 200: N });
      expect(responses.map((res) => (res.body as UserBody).name)).toEqual(names);
      const final = await c.api.as(user).get(`/api/users/${user.id}`).expect(200);
      expect(responses.map((res) => res.body as UserBody)).toContainEqual(final.body);
      const [row] = await c.db.rows('SELECT name FROM users WHERE id = $1', [user.id]);
      expect(row).toEqual({ name: (final.body as UserBody).name });
    });

    it('loses no change when an admin sets the role while the user renames, N requests at once', async () => {
      const admin = await c.given.admin();
      const user = await c.given.user();
      const names = Array.from({ length: N }, (_, i) => `Renamed ${i}`);

      const responses = await race((i) =>
        i % 2 === 0
          ? c.api.concurrently.as(admin).patch(`/api/users/${user.id}`).send({ role: 'admin' })
          : c.api.concurrently.as(user).patch(`/api/users/${user.id}`).send({ name: names[i] }),
      );

      expect(tally(responses)).toEqual({ 200: N });
      const final = await c.api.as(admin).get(`/api/users/${user.id}`).expect(200);
      const { name } = final.body as UserBody;
      expect(names.filter((_, i) => i % 2 === 1)).toContain(name);
      expect(final.body).toMatchObject({ role: 'admin' });
      expect(responses.map((res) => res.body as UserBody)).toContainEqual(final.body);
      expect(await c.db.rows('SELECT name, role FROM users WHERE id = $1', [user.id])).toEqual([
        { name, role: 'admin' },
      ]);
    });

    it('keeps one whole write and only its verification when an admin and the user change name and email N times at once', async () => {
      const admin = await c.given.admin();
      const user = await c.given.user();
      const writes = Array.from({ length: N }, (_, i) => ({
        name: `Name ${i}`,
        email: c.given.email(`write-${i}`),
      }));

      const responses = await race((i) =>
        c.api.concurrently
          .as(i % 2 === 0 ? admin : user)
          .patch(`/api/users/${user.id}`)
          .send(writes[i]),
      );

      expect(tally(responses)).toEqual({ 200: N });
      expect(responses.map((res) => pickNameAndEmail(res.body as UserBody))).toEqual(writes);
      const final = await c.api.as(admin).get(`/api/users/${user.id}`).expect(200);
      const { name, email } = final.body as UserBody;
      expect(writes).toContainEqual({ name, email });
      expect(await c.db.rows('SELECT name, email FROM users WHERE id = $1', [user.id])).toEqual([
        { name, email },
      ]);
      expect(
        await c.db.rows('SELECT user_id FROM email_verifications WHERE user_id = $1', [user.id]),
      ).toEqual([{ user_id: user.id }]);
      for (const lost of writes.filter((write) => write.email !== email)) {
        const token = tokenFromLastEmail(c.mailer, lost.email);
        expect(await c.api.post('/api/auth/verify-email').send({ token })).toBeProblem(400);
      }
      const token = tokenFromLastEmail(c.mailer, email);
      await c.api.post('/api/auth/verify-email').send({ token }).expect(200);
    });

    it('gives a new email to one user only when N users claim it at once: one 200, 409 problems to the rest', async () => {
      const users = [];
      for (let i = 0; i < N; i++) users.push(await c.given.user());
      const email = c.given.email('claimed');

      const responses = await Promise.all(
        users.map((user) =>
          c.api.concurrently.as(user).patch(`/api/users/${user.id}`).send({ email }),
        ),
      );

      expect(tally(responses)).toEqual({ 200: 1, 409: N - 1 });
      for (const res of withStatus(responses, 409)) expect(res).toBeProblem(409);
      const winner = users[responses.findIndex((res) => res.status === 200)];
      expect(await c.db.rows('SELECT id FROM users WHERE email = $1', [email])).toEqual([
        { id: winner?.id },
      ]);
      const emails = await c.db.rows<{ email: string }>('SELECT email FROM users ORDER BY email');
      expect(emails.map((row) => row.email).sort()).toEqual(
        users.map((user) => (user === winner ? email : user.email)).sort(),
      );
      expect(c.mailer.sentTo(email)).toHaveLength(1);
    });

    it('throttles N wrong passwords sent at once like N in a row: five 401s, then 429 problems', async () => {
      const user = await c.given.user();
      const body = { email: user.email, password: 'not the password' };

      const responses = await race(() => c.api.concurrently.post('/api/auth/login').send(body));

      expect(tally(responses)).toEqual({ 401: 5, 429: N - 5 });
      for (const res of withStatus(responses, 429)) expect(res).toBeProblem(429);
      const attempts = await c.db.rows('SELECT id FROM login_attempts WHERE email = $1', [
        user.email,
      ]);
      expect(attempts).toHaveLength(5);
    });

    it('deletes once when an admin deletes one user N times at once: one 204, 404 problems to the rest', async () => {
      const admin = await c.given.admin();
      const user = await c.given.user();

      const responses = await race(() =>
        c.api.concurrently.as(admin).delete(`/api/users/${user.id}`),
      );

      expect(tally(responses)).toEqual({ 204: 1, 404: N - 1 });
      for (const res of withStatus(responses, 404)) expect(res).toBeProblem(404);
      expect(await c.db.rows('SELECT id FROM users WHERE id = $1', [user.id])).toEqual([]);
      expect(
        await c.db.rows('SELECT id FROM email_verifications WHERE user_id = $1', [user.id]),
      ).toEqual([]);
    });
  });
}
