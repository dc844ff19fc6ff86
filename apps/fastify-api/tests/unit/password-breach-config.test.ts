// Unit tests of the breached-password check's configuration: on outside tests, off under
// NODE_ENV=test so no test reaches the internet unless it asks to (docs/external-services.md).
import { randomBytes } from 'node:crypto';
import { BREACH_CHECK_OFF_WARNING, ConfigError, loadConfig } from '../../src/config';

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('PASSWORD_BREACH_CHECK', () => {
  it('is on with the public service and a 1.5 s timeout by default outside tests', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).passwordBreachCheck).toEqual({
      url: 'https://api.pwnedpasswords.com',
      timeoutMs: 1500,
    });
  });

  it('is off by default when NODE_ENV=test, and on there when asked', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).passwordBreachCheck).toBeUndefined();
    expect(
      loadConfig({ NODE_ENV: 'test', PASSWORD_BREACH_CHECK: 'on' }).passwordBreachCheck,
    ).toEqual(expect.objectContaining({ url: 'https://api.pwnedpasswords.com' }));
  });

  it('takes the service URL and the timeout from the environment', () => {
    const config = loadConfig({
      PASSWORD_BREACH_CHECK_URL: 'http://127.0.0.1:8080',
      PASSWORD_BREACH_CHECK_TIMEOUT_MS: '300',
    });

    expect(config.passwordBreachCheck).toEqual({ url: 'http://127.0.0.1:8080', timeoutMs: 300 });
  });

  const NOT_HTTP = 'PASSWORD_BREACH_CHECK_URL must be an http:// or https:// URL';
  const CREDENTIALS = 'PASSWORD_BREACH_CHECK_URL must not hold a user name or password';
  const QUERY =
    'PASSWORD_BREACH_CHECK_URL must not have a query or a fragment: the checker adds /range/<prefix> to its path';
  it.each([
    [{ PASSWORD_BREACH_CHECK: 'yes' }, 'PASSWORD_BREACH_CHECK must be one of off, on'],
    [{ PASSWORD_BREACH_CHECK_URL: 'ftp://example.test' }, NOT_HTTP],
    // The scheme whole: not one that merely begins or ends like http.
    [{ PASSWORD_BREACH_CHECK_URL: 'httpx://pwned.example.test' }, NOT_HTTP],
    [{ PASSWORD_BREACH_CHECK_URL: 'git+https://pwned.example.test' }, NOT_HTTP],
    [{ PASSWORD_BREACH_CHECK_URL: 'not a url' }, NOT_HTTP],
    // Each would turn the check off in silence: fetch refuses a URL with credentials, and
    // `/range/…` added after a query or a fragment never reaches the service's path.
    [{ PASSWORD_BREACH_CHECK_URL: 'https://u:p@pwned.example.test' }, CREDENTIALS],
    [{ PASSWORD_BREACH_CHECK_URL: 'https://u@pwned.example.test' }, CREDENTIALS],
    [{ PASSWORD_BREACH_CHECK_URL: 'https://pwned.example.test/?x=1' }, QUERY],
    [{ PASSWORD_BREACH_CHECK_URL: 'https://pwned.example.test/?' }, QUERY],
    [{ PASSWORD_BREACH_CHECK_URL: 'https://pwned.example.test/#f' }, QUERY],
    [
      { PASSWORD_BREACH_CHECK_TIMEOUT_MS: '0' },
      'PASSWORD_BREACH_CHECK_TIMEOUT_MS must be an integer from 1 to 60000',
    ],
  ])('stops with one line that names the variable and the rule for %j', (env, reason) => {
    expect(refusal(env)).toBe(`Invalid configuration: ${reason}`);
  });

  it('refuses an http:// service in production while the check is on, and not while it is off', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(24).toString('base64url'),
      DATABASE_URL: 'postgres://app@db.example.test/app',
      PUBLIC_URL: 'https://app.example.test',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mail.example.test:587',
      PASSWORD_BREACH_CHECK_URL: 'http://pwned.example.test',
    };

    expect(refusal(production)).toBe(
      'Invalid configuration: PASSWORD_BREACH_CHECK_URL must be an https:// URL in production: ' +
        'the hash prefix and the answer would travel in clear',
    );
    expect(
      loadConfig({ ...production, PASSWORD_BREACH_CHECK: 'off' }).passwordBreachCheck,
    ).toBeUndefined();
  });

  it('warns when it is off in production, and not when it is on', () => {
    const production = {
      NODE_ENV: 'production',
      // Made for this run: a constant here would be one more published secret.
      JWT_SECRET: randomBytes(24).toString('base64url'),
      DATABASE_URL: 'postgres://app@db.example.test/app',
      PUBLIC_URL: 'https://app.example.test',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mail.example.test:587',
    };

    const off = loadConfig({ ...production, PASSWORD_BREACH_CHECK: 'off' });
    const on = loadConfig(production);

    expect(off.warnings).toContain(BREACH_CHECK_OFF_WARNING);
    expect(on.warnings).not.toContain(BREACH_CHECK_OFF_WARNING);
    // What the operator reads at start: what is off, what it lets in, and what to do.
    expect(BREACH_CHECK_OFF_WARNING).toMatch(
      /^PASSWORD_BREACH_CHECK=off in production: [^\n]+ breaches [^\n]+ Turn it on [^\n]+$/,
    );
  });
});
