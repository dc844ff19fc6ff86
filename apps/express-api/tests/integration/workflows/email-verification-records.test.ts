// Workflow suite (3 of 4 kinds): what registration and verification write — the token's
// one-way hash, and the time of verification — read back from the database. Sharpened by
// mutation testing (docs/mutation-testing.md).
import { createHash } from 'node:crypto';
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

async function register() {
  const { name, email, password } = t.given.attributes();
  const res = await t.api.post('/api/auth/register').send({ name, email, password }).expect(201);
  return { id: (res.body as { id: string }).id, email };
}

describe('the verification records', () => {
  it('stores the SHA-256 of the emailed token, in hex, and nothing reversible', async () => {
    const { id, email } = await register();
    const token = tokenFromLastEmail(t.mailer, email);

    const rows = await t.dataSource.query<{ token_hash: string }[]>(
      'SELECT token_hash FROM email_verifications WHERE user_id = $1',
      [id],
    );

    expect(rows).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);
  });

  it('moves updatedAt to the moment of verification', async () => {
    const { id, email } = await register();
    t.clock.advance({ hours: 2 });
    const verifiedAt = t.clock.now();

    const res = await t.api
      .post('/api/auth/verify-email')
      .send({ token: tokenFromLastEmail(t.mailer, email) });

    expect(res.body).toMatchObject({ updatedAt: verifiedAt.toISOString() });
    expect(await t.repos.users.findById(id)).toMatchObject({
      emailVerified: true,
      updatedAt: verifiedAt,
    });
  });
});
