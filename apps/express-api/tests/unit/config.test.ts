// Unit tests: configuration is a pure function of the environment, so each rule is one
// small test with no server and no database. See docs/express-api.md.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { PUBLISHED_JWT_SECRETS } from '@testbed/contract-tests/published-secrets';
import {
  type Config,
  ConfigError,
  ENV_VARIABLES,
  loadConfig,
  RANDOM_SECRET_WARNING,
} from '../../src/config';

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

/** The configuration less its secret, which is random per load when JWT_SECRET is unset. */
function apartFromSecret(config: Config) {
  return { ...config, jwt: { ...config.jwt, secret: 'random per load' } };
}

/** What loadConfig throws for this environment; fails the test when it loads. */
function thrownBy(env: Record<string, string | undefined>): unknown {
  try {
    loadConfig(env);
  } catch (error) {
    return error;
  }
  throw new Error('loadConfig accepted the environment');
}

/** The ConfigError's message for this environment; fails the test on any other outcome. */
function refusal(env: Record<string, string | undefined>): string {
  const error = thrownBy(env);
  if (error instanceof ConfigError) return error.message;
  throw error;
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      databaseUrl: undefined,
      databaseTimeouts: { statementMs: 5000, connectMs: 3000 },
      jwt: { issuer: 'testbed', audience: 'testbed-api', ttlSeconds: 900 },
      logLevel: 'info',
      mail: {
        transport: 'outbox',
        from: 'express-api <no-reply@localhost>',
        outboxDir: resolve(__dirname, '../../.outbox'),
      },
      admin: undefined,
    });
  });

  it('signs with a random 256-bit secret of its own when JWT_SECRET is unset outside production, and warns that tokens end at restart', () => {
    const first = loadConfig({ NODE_ENV: 'development' });
    const second = loadConfig({});

    expect(first.jwt.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.jwt.secret, 'base64url')).toHaveLength(32);
    expect(second.jwt.secret).not.toBe(first.jwt.secret);
    expect(first.warnings).toEqual([RANDOM_SECRET_WARNING]);
    expect(RANDOM_SECRET_WARNING).toMatch(/^JWT_SECRET [^\n]+ restarts[^\n]+$/);
  });

  // A deployment that forgot NODE_ENV is the one the published secrets are most dangerous in.
  it.each(PUBLISHED_JWT_SECRETS)(
    'refuses the published JWT_SECRET %s outside production too, naming it but not its value',
    (secret) => {
      const message = refusal({ JWT_SECRET: secret });

      expect(message).toMatch(/^Invalid configuration: JWT_SECRET [^\n]+$/);
      expect(message).not.toContain(secret);
    },
  );

  it('signs with JWT_SECRET as given, without the whitespace around it', () => {
    const config = loadConfig({ ...PRODUCTION, JWT_SECRET: `  ${SECRET}\n` });

    expect(config.jwt.secret).toBe(SECRET);
  });

  it.each(['', '   '])('treats JWT_SECRET=%j as unset outside production', (value) => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: value });

    expect(config.jwt.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(config.warnings).toEqual([RANDOM_SECRET_WARNING]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '5s' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
    [{ DATABASE_CONNECT_TIMEOUT_MS: '0' }, 'DATABASE_CONNECT_TIMEOUT_MS'],
    [{ ACCESS_TOKEN_TTL: 'forever' }, 'ACCESS_TOKEN_TTL'],
    [{ ACCESS_TOKEN_TTL: '0m' }, 'ACCESS_TOKEN_TTL'],
    // Not 15 s, nor 15 min: only digits and a unit letter.
    [{ ACCESS_TOKEN_TTL: '15mins' }, 'ACCESS_TOKEN_TTL'],
    [{ ACCESS_TOKEN_TTL: '+15m' }, 'ACCESS_TOKEN_TTL'],
    // ESMTP is SMTP's extended form, not a scheme; nor is smtp+tls.
    [{ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'esmtp://mail.example.test' }, 'SMTP_URL'],
    [{ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp+tls://mail.example.test' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MAIL_TRANSPORT: 'pigeon' }, 'MAIL_TRANSPORT'],
    [{ MAIL_TRANSPORT: 'smtp' }, 'SMTP_URL'],
    [{ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'ftp://mail.example.test' }, 'SMTP_URL'],
    [{ ADMIN_EMAIL: 'admin@example.test' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_PASSWORD: 'a strong password' }, 'ADMIN_EMAIL'],
    // The contract's password rule, 8 to 128 characters, the same in both apps.
    [{ ADMIN_EMAIL: 'admin@example.test', ADMIN_PASSWORD: 'x'.repeat(129) }, 'ADMIN_PASSWORD'],
  ])('fails with one line naming the variable for %j', (env, variable) => {
    const load = () => loadConfig(env);

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid configuration: ${variable} [^\\n]+$`));
  });

  it('throws an error named ConfigError, the name a stack trace or a log of it shows', () => {
    expect(thrownBy({ PORT: 'eighty' })).toHaveProperty('name', 'ConfigError');
  });

  // zod's own words would stand in for an emptied message, so only the whole line tells.
  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535'],
    // PostgreSQL's default max_connections is 100: a bigger pool could never fill.
    [{ DATABASE_POOL_SIZE: '101' }, 'DATABASE_POOL_SIZE must be an integer from 1 to 100'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL must be a URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL'],
    [
      { ACCESS_TOKEN_TTL: 'forever' },
      'ACCESS_TOKEN_TTL must be a number of seconds, or like 15m or 1h',
    ],
    [{ ACCESS_TOKEN_TTL: '0m' }, 'ACCESS_TOKEN_TTL must be longer than zero'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [{ LOG_FORMAT: 'colour' }, 'LOG_FORMAT must be one of json, pretty'],
    [{ MAIL_TRANSPORT: 'pigeon' }, 'MAIL_TRANSPORT must be one of outbox, smtp'],
    [{ PASSWORD_BREACH_CHECK: 'yes' }, 'PASSWORD_BREACH_CHECK must be one of off, on'],
    [
      { ADMIN_EMAIL: 'root', ADMIN_PASSWORD: 'a strong password' },
      'ADMIN_EMAIL must be an email address',
    ],
    [
      { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'short' },
      'ADMIN_PASSWORD must be at least 8 characters',
    ],
  ])('says in its own words what the variable takes for %j', (env, line) => {
    expect(refusal(env)).toBe(`Invalid configuration: ${line}`);
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps:// with the same line in both apps', () => {
    expect(refusal({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'http://u:pw@mail.example.test' })).toBe(
      'Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL',
    );
  });

  it('sends mail as SMTP_URL says outside production, TLS not required', () => {
    const config = loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://127.0.0.1:2525' });

    expect(config.mail).toMatchObject({ smtpUrl: 'smtp://127.0.0.1:2525', requireTls: false });
  });

  it('never repeats the value of a bad secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short-secret' })).toThrow(/^(?!.*short-secret)/);
  });

  it.each([
    ['900', 900],
    ['30s', 30],
    ['15m', 900],
    ['1h', 3600],
  ])('reads ACCESS_TOKEN_TTL=%s as %i seconds', (value, seconds) => {
    expect(loadConfig({ ACCESS_TOKEN_TTL: value }).jwt.ttlSeconds).toBe(seconds);
  });

  it('links emails to the port the app listens on unless PUBLIC_URL says where', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('reads a complete production environment', () => {
    const config = loadConfig({
      ...PRODUCTION,
      PORT: '8080',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: 'a strong password',
    });

    expect(config).toMatchObject({
      production: true,
      port: 8080,
      publicUrl: 'https://app.example.test',
      passwordHashing: { memoryCost: 19_456, timeCost: 2 },
      databaseTimeouts: { statementMs: 2000, connectMs: 500 },
      jwt: { secret: SECRET },
      mail: { transport: 'smtp', smtpUrl: 'smtp://mail.example.test:587', requireTls: true },
      admin: { email: 'root@example.test', name: 'Admin' },
      warnings: [],
    });
  });

  it('leaves the log format to where the logs go unless LOG_FORMAT says, and refuses another', () => {
    expect(loadConfig({}).logFormat).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(refusal({ LOG_FORMAT: 'colour' })).toMatch(/^Invalid configuration: LOG_FORMAT [^\n]+$/);
  });

  // Every variable the app reads, so a new one cannot miss the rule: `VAR=` is how an env file
  // or a compose file often leaves a setting to its default.
  it.each(ENV_VARIABLES)(
    'reads %s set to nothing or to spaces as unset: its default applies',
    (variable) => {
      const unset = apartFromSecret(loadConfig({}));

      const empty = apartFromSecret(loadConfig({ [variable]: '' }));
      const spaces = apartFromSecret(loadConfig({ [variable]: ' \t ' }));

      expect([empty, spaces]).toEqual([unset, unset]);
    },
  );

  it('reads ADMIN_PASSWORD with the spaces around it, as the API reads a password', () => {
    const config = loadConfig({
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: ' pass phrase ',
    });

    expect(config.admin?.password).toBe(' pass phrase ');
  });

  it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])(
    "takes pino's level %s for LOG_LEVEL",
    (level) => {
      expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
    },
  );

  it('writes mail to the outbox when MAIL_TRANSPORT=outbox says so', () => {
    expect(loadConfig({ MAIL_TRANSPORT: 'outbox' }).mail).toMatchObject({ transport: 'outbox' });
  });

  it('takes the token issuer and audience and the mail sender and outbox from the environment', () => {
    const config = loadConfig({
      JWT_ISSUER: 'https://id.example.test',
      JWT_AUDIENCE: 'orders-api',
      MAIL_FROM: 'Orders <orders@example.test>',
      MAIL_OUTBOX_DIR: '/srv/outbox',
    });

    expect(config.jwt).toMatchObject({ issuer: 'https://id.example.test', audience: 'orders-api' });
    expect(config.mail).toEqual({
      transport: 'outbox',
      from: 'Orders <orders@example.test>',
      outboxDir: '/srv/outbox',
    });
  });

  it("keeps the embedded database in the app's .data folder unless EMBEDDED_DATABASE_DIR moves it", () => {
    expect(loadConfig({}).embeddedDatabase.dir).toMatch(/[/\\]\.data[/\\]postgres$/);
    expect(loadConfig({ EMBEDDED_DATABASE_DIR: '/srv/pg' }).embeddedDatabase.dir).toBe('/srv/pg');
  });

  it('gives the HTTP timeouts and the shutdown cut their documented defaults', () => {
    const config = loadConfig({});

    expect(config.httpTimeouts).toEqual({
      requestMs: 30_000,
      headersMs: 10_000,
      keepAliveMs: 65_000,
    });
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it('accepts a headers timeout as long as the whole request, the longest Node allows', () => {
    const config = loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '8000', HTTP_HEADERS_TIMEOUT_MS: '8000' });

    expect(config.httpTimeouts).toMatchObject({ requestMs: 8000, headersMs: 8000 });
  });

  it('names the admin made at start after ADMIN_NAME, from 1 to 100 characters, Admin unless set', () => {
    const admin = { ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'a strong password' };

    expect(loadConfig(admin).admin?.name).toBe('Admin');
    expect(loadConfig({ ...admin, ADMIN_NAME: 'Site operations' }).admin?.name).toBe(
      'Site operations',
    );
    expect(loadConfig({ ...admin, ADMIN_NAME: 'x'.repeat(100) }).admin?.name).toHaveLength(100);
    expect(() => loadConfig({ ...admin, ADMIN_NAME: 'x'.repeat(101) })).toThrow(
      /^Invalid configuration: ADMIN_NAME /,
    );
  });

  it('reads the HTTP timeouts and the shutdown cut from the environment', () => {
    const config = loadConfig({
      HTTP_REQUEST_TIMEOUT_MS: '20000',
      HTTP_HEADERS_TIMEOUT_MS: '5000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '75000',
      SHUTDOWN_TIMEOUT_MS: '25000',
    });

    expect(config.httpTimeouts).toEqual({
      requestMs: 20_000,
      headersMs: 5000,
      keepAliveMs: 75_000,
    });
    expect(config.shutdownTimeoutMs).toBe(25_000);
  });

  it.each([
    [{ HTTP_REQUEST_TIMEOUT_MS: '30s' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    [{ HTTP_HEADERS_TIMEOUT_MS: '0' }, 'HTTP_HEADERS_TIMEOUT_MS'],
    [{ HTTP_KEEP_ALIVE_TIMEOUT_MS: '-1' }, 'HTTP_KEEP_ALIVE_TIMEOUT_MS'],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, 'SHUTDOWN_TIMEOUT_MS'],
    // Node refuses to make a server whose headers may take longer than the whole request.
    [
      { HTTP_REQUEST_TIMEOUT_MS: '10000', HTTP_HEADERS_TIMEOUT_MS: '20000' },
      'HTTP_HEADERS_TIMEOUT_MS',
    ],
  ])('fails with one line naming the HTTP timeout for %j', (env, variable) => {
    const load = () => loadConfig(env);

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid configuration: ${variable} [^\\n]+$`));
  });
});
