// Unit tests: configuration is a pure function of the environment, so each rule is one
// small test with no server and no database. See docs/express-api.md.
import { ConfigError, loadConfig } from '../../src/config';

const SECRET = 'a-production-secret-that-is-long-enough';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      databaseTimeouts: { statementMs: 5000, connectMs: 3000 },
      jwt: { issuer: 'testbed', audience: 'testbed-api', ttlSeconds: 900 },
      logLevel: 'info',
      mail: { transport: 'outbox', outboxDir: expect.stringMatching(/express-api[/\\]\.outbox$/) },
      admin: undefined,
    });
  });

  it('uses a development JWT secret outside production, with a warning', () => {
    const config = loadConfig({ NODE_ENV: 'development' });

    expect(config.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(config.warnings).toEqual([expect.stringContaining('JWT_SECRET')]);
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
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MAIL_TRANSPORT: 'pigeon' }, 'MAIL_TRANSPORT'],
    [{ MAIL_TRANSPORT: 'smtp' }, 'SMTP_URL'],
    [{ ADMIN_EMAIL: 'admin@example.test' }, 'ADMIN_PASSWORD'],
  ])('fails with one line naming the variable for %j', (env, variable) => {
    const load = () => loadConfig(env);

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid configuration: ${variable} [^\\n]+$`));
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

  it('reads a complete production environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: SECRET,
      PORT: '8080',
      DATABASE_URL: 'postgres://app@db.example.test/app',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mail.example.test:587',
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: 'a strong password',
    });

    expect(config).toMatchObject({
      production: true,
      port: 8080,
      publicUrl: 'http://localhost:8080',
      databaseTimeouts: { statementMs: 2000, connectMs: 500 },
      jwt: { secret: SECRET },
      mail: { transport: 'smtp', smtpUrl: 'smtp://mail.example.test:587' },
      admin: { email: 'root@example.test', name: 'Admin' },
      warnings: [],
    });
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
