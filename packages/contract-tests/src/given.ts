import { createSequence, type FakeClock, type FakeMailer } from '@testbed/test-utils';
import type { ContractApi } from './api-client';

export const PASSWORD = 'correct horse battery staple';

/** A user made through the API, with what a client of the API would know. */
export interface ApiUser {
  id: string;
  name: string;
  email: string;
  password: string;
  token: string;
}

interface GivenDeps {
  api: ContractApi;
  mailer: FakeMailer;
  clock: FakeClock;
  promoteToAdmin: (userId: string) => Promise<void>;
}

/** The verification token in the last email sent to `email`, read from its link. */
export function tokenFromLastEmail(mailer: FakeMailer, email: string): string {
  const message = mailer.lastTo(email);
  const token = message && /[?&]token=([\w-]+)/.exec(message.text)?.[1];
  if (!token) throw new Error(`No verification email with a token was sent to ${email}.`);
  return token;
}

/**
 * Test data made the way a client makes it: register, verify from the email, sign in.
 * Each user is registered one clock second after the previous one, so lists have a known
 * order. Only promotion to admin goes through the target's hook.
 */
export function createGiven({ api, mailer, clock, promoteToAdmin }: GivenDeps) {
  const sequence = createSequence();

  const unverifiedUser = async () => {
    const body = { name: sequence.name(), email: sequence.email(), password: PASSWORD };
    clock.advance({ seconds: 1 });
    const res = await api.post('/api/auth/register').send(body).expect(201);
    return { ...body, id: (res.body as { id: string }).id };
  };

  const user = async (): Promise<ApiUser> => {
    const registered = await unverifiedUser();
    const token = tokenFromLastEmail(mailer, registered.email);
    await api.post('/api/auth/verify-email').send({ token }).expect(200);
    const login = await api
      .post('/api/auth/login')
      .send({ email: registered.email, password: PASSWORD })
      .expect(200);
    return { ...registered, token: (login.body as { access_token: string }).access_token };
  };

  const admin = async (): Promise<ApiUser> => {
    const made = await user();
    await promoteToAdmin(made.id);
    return made;
  };

  return {
    user,
    admin,
    unverifiedUser,
    /** Valid registration fields, nothing sent. */
    attributes: () => ({ name: sequence.name(), email: sequence.email(), password: PASSWORD }),
    email: (label?: string) => sequence.email(label),
  };
}

export type Given = ReturnType<typeof createGiven>;
