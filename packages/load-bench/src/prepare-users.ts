import { randomBytes } from 'node:crypto';
import { readVerificationToken } from './read-outbox';
import type { RunningApp } from './start-app';

export interface SignedInUser {
  id: string;
  token: string;
}

async function call(app: RunningApp, path: string, body: object, expected: number) {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(
      `${app.name} POST ${path}: expected ${expected}, got ${response.status} ${text}`,
    );
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** One user through the public API, as a person would: register, verify, log in. */
async function prepareUser(app: RunningApp, index: number): Promise<SignedInUser> {
  const email = `load-${index}-${randomBytes(4).toString('hex')}@example.test`;
  const password = randomBytes(12).toString('hex');
  const user = await call(
    app,
    '/api/auth/register',
    { name: `Load ${index}`, email, password },
    201,
  );
  const token = await readVerificationToken(app.outboxDir, email);
  await call(app, '/api/auth/verify-email', { token }, 200);
  const login = await call(app, '/api/auth/login', { email, password }, 200);
  return { id: String(user.id), token: String(login.access_token) };
}

/** `count` verified, signed-in users, one after another (each costs two Argon2 hashes). */
export async function prepareUsers(app: RunningApp, count: number): Promise<SignedInUser[]> {
  const users: SignedInUser[] = [];
  for (let index = 1; index <= count; index += 1) users.push(await prepareUser(app, index));
  return users;
}
