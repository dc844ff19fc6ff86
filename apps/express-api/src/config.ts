import { join } from 'node:path';
import { z } from 'zod';
import { breachCheckUrl } from './auth/breach-check-url';
import type { BreachCheckConfig } from './auth/password-breach-checker';
import { developmentOnlySetting } from './production-settings';
import { isPublishedSecret, randomSecret } from './published-jwt-secrets';
import { parseProxyTrust, type ProxyTrust } from './http/proxy-trust';
import { DEFAULT_RATE_LIMITS, rateLimitSchema, type RateLimits } from './http/rate-limits';

type Env = Record<string, string | undefined>;

const APP_ROOT = join(__dirname, '..');
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `900`, `900s`, `15m` or `1h` → seconds. */
const duration = z
  .string()
  .regex(/^\d+[smh]?$/, 'must be a number of seconds, or like 15m or 1h')
  // A bare number ends in a digit, which is no unit: seconds.
  .transform((value) => Number.parseInt(value, 10) * (UNITS[value.slice(-1)] ?? 1))
  .refine((seconds) => seconds > 0, 'must be longer than zero');

const integer = (min: number, max: number) => {
  const message = `must be an integer from ${min} to ${max}`;
  return z.coerce.number(message).int(message).min(min, message).max(max, message);
};
const url = z.url('must be a URL');
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, `must be one of ${values.join(', ')}`);

export const DEFAULT_BREACH_CHECK_URL = 'https://api.pwnedpasswords.com';

export interface DatabaseTimeouts {
  statementMs: number;
  connectMs: number;
}

/** Long enough for any request's statement, short enough that a stuck one ends as a 503. */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { statementMs: 5000, connectMs: 3000 };

export interface HttpTimeouts {
  /** The whole request, headers and body, must arrive within this; else 408 and closed. */
  requestMs: number;
  /** The headers must arrive within this (slowloris); at most `requestMs`, as Node requires. */
  headersMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
}

/**
 * A body here is at most 100 kB, which even a 56 kbit/s link sends in 15 s, and a real client
 * sends its headers at once: longer only helps a client that trickles bytes to hold a
 * connection (Node's own defaults are 300 s and 60 s). Keep-alive outlasts the 60 s idle
 * timeout of the usual proxies (AWS ALB, nginx), so the proxy, never the app, closes an idle
 * connection: the other way round, a request sent as the app closes fails with a 502.
 */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  requestMs: 30_000,
  headersMs: 10_000,
  keepAliveMs: 65_000,
};

/** After SIGTERM, what is still open then is cut: well inside Kubernetes' 30 s before SIGKILL. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

const envSchema = z.object({
  // Stryker disable next-line StringLiteral: only 'production' and 'test' are looked for, so an empty default acts as 'development' does
  NODE_ENV: oneOf(['development', 'production', 'test']).default('development'),
  PORT: integer(0, 65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: url.optional(),
  DATABASE_URL: url.optional(),
  DATABASE_POOL_SIZE: integer(1, 100).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: integer(1, 600_000).default(DEFAULT_DATABASE_TIMEOUTS.statementMs),
  DATABASE_CONNECT_TIMEOUT_MS: integer(1, 600_000).default(DEFAULT_DATABASE_TIMEOUTS.connectMs),
  HTTP_REQUEST_TIMEOUT_MS: integer(1, 600_000).default(DEFAULT_HTTP_TIMEOUTS.requestMs),
  HTTP_HEADERS_TIMEOUT_MS: integer(1, 600_000).default(DEFAULT_HTTP_TIMEOUTS.headersMs),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: integer(1, 600_000).default(DEFAULT_HTTP_TIMEOUTS.keepAliveMs),
  SHUTDOWN_TIMEOUT_MS: integer(1, 600_000).default(DEFAULT_SHUTDOWN_TIMEOUT_MS),
  // Below Linux's ephemeral range (32768–60999), where random free ports are handed out.
  EMBEDDED_DATABASE_PORT: integer(1, 65535).default(25432),
  EMBEDDED_DATABASE_DIR: z.string().default(join(APP_ROOT, '.data', 'postgres')),
  JWT_SECRET: z.string().optional(),
  JWT_ISSUER: z.string().default('testbed'),
  JWT_AUDIENCE: z.string().default('testbed-api'),
  ACCESS_TOKEN_TTL: duration.default(900),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: readable lines in a terminal outside production, JSON everywhere else.
  LOG_FORMAT: oneOf(['json', 'pretty']).optional(),
  MAIL_TRANSPORT: oneOf(['outbox', 'smtp']).optional(),
  MAIL_OUTBOX_DIR: z.string().default(join(APP_ROOT, '.outbox')),
  MAIL_FROM: z.string().default('express-api <no-reply@localhost>'),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  ADMIN_EMAIL: z.email('must be an email address').optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').max(128).optional(),
  ADMIN_NAME: z.string().max(100).default('Admin'),
  ARGON2_MEMORY_COST: integer(8, 4_194_304).default(19_456),
  ARGON2_TIME_COST: integer(1, 100).default(2),
  TRUST_PROXY: z.string().optional(),
  RATE_LIMIT_REGISTER: rateLimitSchema.optional(),
  RATE_LIMIT_LOGIN: rateLimitSchema.optional(),
  RATE_LIMIT_VERIFY_EMAIL: rateLimitSchema.optional(),
  RATE_LIMIT_VERIFICATION_EMAILS: rateLimitSchema.optional(),
  // Unset: on, except under NODE_ENV=test, where no test may reach the internet by default.
  PASSWORD_BREACH_CHECK: oneOf(['off', 'on']).optional(),
  PASSWORD_BREACH_CHECK_URL: breachCheckUrl.default(DEFAULT_BREACH_CHECK_URL),
  PASSWORD_BREACH_CHECK_TIMEOUT_MS: integer(1, 60_000).default(1500),
});

/** Every variable the app reads: `.env.example` lists each one (tests/unit/env-example.test.ts). */
export const ENV_VARIABLES = Object.keys(envSchema.shape);

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];

/** What createApp needs: the parts of the configuration that shape behaviour. */
export interface AppConfig {
  /** Base of the links in emails. */
  publicUrl: string;
  jwt: { secret: string; issuer: string; audience: string; ttlSeconds: number };
  passwordHashing: { memoryCost: number; timeCost: number; parallelism: number };
  /** Whose X-Forwarded-For is believed for the client address: by default nobody's. */
  trustProxy: ProxyTrust;
  /** Per-address request limits and verification emails per account. */
  rateLimits: RateLimits;
  /** The breached-password check's service; undefined when PASSWORD_BREACH_CHECK=off. */
  passwordBreachCheck: BreachCheckConfig | undefined;
}

export interface Config extends AppConfig {
  production: boolean;
  port: number;
  host: string;
  /** Unset: the embedded default database under `.data/`. */
  databaseUrl: string | undefined;
  databasePoolSize: number;
  /** A statement running longer is cancelled; a connection not had in time is given up. */
  databaseTimeouts: DatabaseTimeouts;
  httpTimeouts: HttpTimeouts;
  /** After SIGTERM or SIGINT, connections still open after this are cut. */
  shutdownTimeoutMs: number;
  embeddedDatabase: { dir: string; port: number };
  logLevel: LogLevel;
  /** Unset: decided by where the logs go (logger.ts). */
  logFormat: 'json' | 'pretty' | undefined;
  mail:
    | { transport: 'outbox'; from: string; outboxDir: string }
    | { transport: 'smtp'; from: string; smtpUrl: string; requireTls: boolean };
  admin: { email: string; password: string; name: string } | undefined;
  /** Things worth a warning at start, such as a JWT secret that ends with the process. */
  warnings: string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function fail(variable: string, message: string): never {
  throw new ConfigError(`Invalid configuration: ${variable} ${message}`);
}

/**
 * `VAR=` in an env file or a compose file sets a variable to nothing, and an editor may leave
 * spaces: either way the variable is read as unset, so its default applies, the same for every
 * variable. Other values are read as given (a password's spaces are part of it).
 */
function setVariables(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value?.trim()));
}

function parseEnv(env: Env) {
  const result = envSchema.safeParse(setVariables(env));
  if (result.success) return result.data;
  // zod reports at least one issue when a parse fails, and each names the variable first.
  const [issue] = result.error.issues as [z.core.$ZodIssue, ...z.core.$ZodIssue[]];
  return fail(String(issue.path[0]), issue.message);
}

export const RANDOM_SECRET_WARNING =
  'JWT_SECRET is unset: tokens are signed with a random secret made at start, so every token ' +
  'ends when the process restarts and no other instance accepts it. Set JWT_SECRET to keep them.';

/**
 * A blank secret counts as unset. Unset outside production, each process makes its own: a
 * fixed fallback would be in the repository, and anyone could sign an admin token with it.
 */
function jwtSecret(value: string | undefined, production: boolean, warnings: string[]): string {
  const secret = value?.trim();
  if (!secret) {
    if (production) fail('JWT_SECRET', 'is required when NODE_ENV=production');
    warnings.push(RANDOM_SECRET_WARNING);
    return randomSecret();
  }
  if (secret.length < 32) fail('JWT_SECRET', 'must be at least 32 characters');
  // In every environment, not only production: a deployment that forgot NODE_ENV is the very
  // one that must not sign with a secret anyone can read in this repository.
  if (isPublishedSecret(secret))
    fail('JWT_SECRET', 'is a published example value: generate your own (openssl rand -base64 32)');
  return secret;
}

function proxyTrust(value: string | undefined): ProxyTrust {
  const trust = parseProxyTrust(value);
  return typeof trust === 'object' && 'error' in trust ? fail('TRUST_PROXY', trust.error) : trust;
}

function rateLimits(vars: z.infer<typeof envSchema>): RateLimits {
  return {
    register: vars.RATE_LIMIT_REGISTER ?? DEFAULT_RATE_LIMITS.register,
    login: vars.RATE_LIMIT_LOGIN ?? DEFAULT_RATE_LIMITS.login,
    verifyEmail: vars.RATE_LIMIT_VERIFY_EMAIL ?? DEFAULT_RATE_LIMITS.verifyEmail,
    verificationEmails:
      vars.RATE_LIMIT_VERIFICATION_EMAILS ?? DEFAULT_RATE_LIMITS.verificationEmails,
  };
}

function mailConfig(vars: z.infer<typeof envSchema>, production: boolean): Config['mail'] {
  if (vars.MAIL_TRANSPORT !== 'smtp') {
    return { transport: 'outbox', from: vars.MAIL_FROM, outboxDir: vars.MAIL_OUTBOX_DIR };
  }
  if (!vars.SMTP_URL) return fail('SMTP_URL', 'is required when MAIL_TRANSPORT=smtp');
  // In production nothing goes in clear: an smtp:// server must offer STARTTLS (docs/external-services.md).
  return {
    transport: 'smtp',
    from: vars.MAIL_FROM,
    smtpUrl: vars.SMTP_URL,
    requireTls: production,
  };
}

export const BREACH_CHECK_OFF_WARNING =
  'PASSWORD_BREACH_CHECK=off in production: passwords known from data breaches are accepted. ' +
  'Turn it on unless the app cannot reach the service.';

function passwordBreachCheck(
  vars: z.infer<typeof envSchema>,
  production: boolean,
  warnings: string[],
): BreachCheckConfig | undefined {
  const on =
    vars.PASSWORD_BREACH_CHECK === undefined
      ? vars.NODE_ENV !== 'test'
      : vars.PASSWORD_BREACH_CHECK === 'on';
  if (on)
    return {
      url: vars.PASSWORD_BREACH_CHECK_URL,
      timeoutMs: vars.PASSWORD_BREACH_CHECK_TIMEOUT_MS,
    };
  // A warning, not a refusal: a deployment without a way out to the internet has no choice.
  if (production) warnings.push(BREACH_CHECK_OFF_WARNING);
  return undefined;
}

function httpTimeouts(vars: z.infer<typeof envSchema>): HttpTimeouts {
  if (vars.HTTP_HEADERS_TIMEOUT_MS > vars.HTTP_REQUEST_TIMEOUT_MS)
    fail('HTTP_HEADERS_TIMEOUT_MS', 'must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  return {
    requestMs: vars.HTTP_REQUEST_TIMEOUT_MS,
    headersMs: vars.HTTP_HEADERS_TIMEOUT_MS,
    keepAliveMs: vars.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  };
}

/**
 * Reads and validates the environment. Throws a ConfigError whose message is one line
 * naming the first bad variable (and never echoing its value, which may be a secret).
 */
export function loadConfig(env: Env = process.env): Config {
  const vars = parseEnv(env);
  const production = vars.NODE_ENV === 'production';
  const warnings: string[] = [];
  const secret = jwtSecret(vars.JWT_SECRET, production, warnings);
  const developmentOnly = production ? developmentOnlySetting(vars) : undefined;
  if (developmentOnly) fail(...developmentOnly);
  if (Boolean(vars.ADMIN_EMAIL) !== Boolean(vars.ADMIN_PASSWORD)) {
    fail(
      vars.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL',
      'must be set together with the other',
    );
  }
  return {
    production,
    port: vars.PORT,
    host: vars.HOST,
    publicUrl: vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`,
    databaseUrl: vars.DATABASE_URL,
    databasePoolSize: vars.DATABASE_POOL_SIZE,
    databaseTimeouts: {
      statementMs: vars.DATABASE_STATEMENT_TIMEOUT_MS,
      connectMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
    },
    httpTimeouts: httpTimeouts(vars),
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    embeddedDatabase: {
      dir: vars.EMBEDDED_DATABASE_DIR,
      port: vars.EMBEDDED_DATABASE_PORT,
    },
    jwt: {
      secret,
      issuer: vars.JWT_ISSUER,
      audience: vars.JWT_AUDIENCE,
      ttlSeconds: vars.ACCESS_TOKEN_TTL,
    },
    passwordHashing: {
      memoryCost: vars.ARGON2_MEMORY_COST,
      timeCost: vars.ARGON2_TIME_COST,
      parallelism: 1,
    },
    trustProxy: proxyTrust(vars.TRUST_PROXY),
    rateLimits: rateLimits(vars),
    passwordBreachCheck: passwordBreachCheck(vars, production, warnings),
    logLevel: vars.LOG_LEVEL,
    logFormat: vars.LOG_FORMAT,
    mail: mailConfig(vars, production),
    admin:
      // Stryker disable next-line LogicalOperator: equivalent, one of the two without the other stops the start above
      vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD
        ? { email: vars.ADMIN_EMAIL, password: vars.ADMIN_PASSWORD, name: vars.ADMIN_NAME }
        : undefined,
    warnings,
  };
}
