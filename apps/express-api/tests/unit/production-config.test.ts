// Unit tests: what production refuses that development allows (a secret anyone can read, mail
// in clear, the outbox, the embedded database…), each with one line naming the variable.
// See docs/express-api.md.
import { randomBytes } from 'node:crypto';
import { PUBLISHED_JWT_SECRETS } from '@testbed/contract-tests/published-secrets';
import { ConfigError, loadConfig } from '../../src/config';

// Made for this run: a constant here would be one more published secret. 32 characters, the
// shortest secret production accepts.
const SECRET = randomBytes(24).toString('base64url');

/** What a deployment must set, each at the lowest value production accepts. */
const PRODUCTION = {
  NODE_ENV: 'production',
  JWT_SECRET: SECRET,
  DATABASE_URL: 'postgres://app@db.example.test/app',
  PUBLIC_URL: 'https://app.example.test',
  MAIL_TRANSPORT: 'smtp',
  SMTP_URL: 'smtp://mail.example.test:587',
  ARGON2_MEMORY_COST: '19456',
  ARGON2_TIME_COST: '2',
};

/** The ConfigError's message for this environment; fails the test when it loads. */
function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig in production', () => {
  it.each([
    ['unset', undefined],
    ['blank', ''],
    ['whitespace only', ' '.repeat(40)],
  ])('refuses to start when JWT_SECRET is %s, with one line naming it', (_kind, value) => {
    expect(refusal({ ...PRODUCTION, JWT_SECRET: value })).toMatch(
      /^Invalid configuration: JWT_SECRET [^\n]+$/,
    );
  });

  it.each([
    ['shorter than 32 characters', randomBytes(16).toString('hex').slice(0, 31)],
    ...PUBLISHED_JWT_SECRETS.map((secret) => [`published (${secret})`, secret]),
    ...PUBLISHED_JWT_SECRETS.map((secret) => [`published, in spaces (${secret})`, ` ${secret}\n`]),
  ])('refuses to start when JWT_SECRET is %s, naming it but not its value', (_kind, value) => {
    const message = refusal({ ...PRODUCTION, JWT_SECRET: value });

    expect(message).toMatch(/^Invalid configuration: JWT_SECRET [^\n]+$/);
    expect(message).not.toContain(value);
  });

  it.each([
    ['the mail transport is unset (the outbox)', { MAIL_TRANSPORT: undefined }, 'MAIL_TRANSPORT'],
    ['the mail transport is the outbox', { MAIL_TRANSPORT: 'outbox' }, 'MAIL_TRANSPORT'],
    ['DATABASE_URL is unset (the embedded database)', { DATABASE_URL: undefined }, 'DATABASE_URL'],
    ['SMTP_URL is unset', { SMTP_URL: undefined }, 'SMTP_URL'],
    ['PUBLIC_URL is unset', { PUBLIC_URL: undefined }, 'PUBLIC_URL'],
    ['PUBLIC_URL is http', { PUBLIC_URL: 'http://app.example.test' }, 'PUBLIC_URL'],
    ['Argon2 has less than 19 MiB', { ARGON2_MEMORY_COST: '19455' }, 'ARGON2_MEMORY_COST'],
    ['Argon2 makes one pass', { ARGON2_TIME_COST: '1' }, 'ARGON2_TIME_COST'],
    ...[
      'smtp://mail.example.test:587?ignoreTLS=true',
      'smtp://mail.example.test:587?requireTLS=false',
      'smtp://mail.example.test:587?opportunisticTLS=true',
      'smtp://mail.example.test:587?tls.rejectUnauthorized=false',
      'smtp://mail.example.test:587?tls.rejectUnauthorized=0',
      'smtps://mail.example.test:465?secure=false',
    ].map((value): [string, { SMTP_URL: string }, string] => [
      `SMTP_URL weakens TLS (${value})`,
      { SMTP_URL: value },
      'SMTP_URL',
    ]),
    [
      'the breached-password service is http',
      { PASSWORD_BREACH_CHECK_URL: 'http://pwned.example.test' },
      'PASSWORD_BREACH_CHECK_URL',
    ],
  ])('refuses to start when %s, with one line naming the variable', (_what, change, variable) => {
    expect(refusal({ ...PRODUCTION, ...change })).toMatch(
      new RegExp(`^Invalid configuration: ${variable} [^\\n]+$`),
    );
  });

  it('names the SMTP_URL options to take out when one weakens TLS', () => {
    const smtpUrl = 'smtp://mail.example.test:587?ignoreTLS=true';

    expect(refusal({ ...PRODUCTION, SMTP_URL: smtpUrl })).toBe(
      'Invalid configuration: SMTP_URL must not set secure, ignoreTLS, requireTLS, ' +
        'opportunisticTLS or tls.* in production: TLS is required there',
    );
  });

  it('accepts an SMTP_URL option that leaves TLS alone, such as the name the client gives', () => {
    const smtpUrl = 'smtp://mail.example.test:587?name=app.example.test';

    expect(loadConfig({ ...PRODUCTION, SMTP_URL: smtpUrl }).mail).toMatchObject({ smtpUrl });
  });
});
