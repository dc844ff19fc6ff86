/** The settings that differ between a developer's machine and production. */
export interface DeploymentSettings {
  MAIL_TRANSPORT?: string | undefined;
  SMTP_URL?: string | undefined;
  DATABASE_URL?: string | undefined;
  PUBLIC_URL?: string | undefined;
  ARGON2_MEMORY_COST: number;
  ARGON2_TIME_COST: number;
  PASSWORD_BREACH_CHECK?: string | undefined;
  PASSWORD_BREACH_CHECK_URL: string;
}

// OWASP's minimum for Argon2id: 19 MiB of memory and two passes.
const MIN_ARGON2_MEMORY_KIB = 19_456;
const MIN_ARGON2_PASSES = 2;

const isHttps = (url: string | undefined) =>
  url !== undefined && new URL(url).protocol === 'https:';

/**
 * SMTP_URL's query options (nodemailer's parseConnectionUrl) that would let mail and the SMTP
 * password go in clear or to a server nobody checked: the scheme alone decides TLS, and the app
 * requires it. Any `tls.*` too: Node's defaults are the safe ones, and a private CA belongs in
 * NODE_EXTRA_CA_CERTS. Matched whatever the case, and whatever the value: `=0` and `=false`
 * are both false to nodemailer, and a repeated key is a list.
 */
const TLS_OPTIONS = new Set(['secure', 'ignoretls', 'requiretls', 'opportunistictls']);

const weakensTls = (smtpUrl: string | undefined) =>
  smtpUrl !== undefined &&
  [...new URL(smtpUrl).searchParams.keys()].some((key) => {
    const name = key.toLowerCase();
    return TLS_OPTIONS.has(name) || name.startsWith('tls.');
  });

/**
 * The first setting that is fine for development but not for production, as the variable
 * and what is wrong with it; undefined when there is none.
 */
export function developmentOnlySetting(vars: DeploymentSettings): [string, string] | undefined {
  if (vars.MAIL_TRANSPORT !== 'smtp')
    return ['MAIL_TRANSPORT', 'must be smtp in production: the outbox folder is for development'];
  if (weakensTls(vars.SMTP_URL))
    return [
      'SMTP_URL',
      'must not set secure, ignoreTLS, requireTLS, opportunisticTLS or tls.* in production: ' +
        'TLS is required there',
    ];
  if (vars.DATABASE_URL === undefined)
    return ['DATABASE_URL', 'is required in production: the embedded database is for development'];
  if (!isHttps(vars.PUBLIC_URL))
    return ['PUBLIC_URL', 'must be an https:// URL in production: it is the base of emailed links'];
  if (vars.PASSWORD_BREACH_CHECK !== 'off' && !isHttps(vars.PASSWORD_BREACH_CHECK_URL))
    return [
      'PASSWORD_BREACH_CHECK_URL',
      'must be an https:// URL in production: the hash prefix and the answer would travel in clear',
    ];
  if (vars.ARGON2_MEMORY_COST < MIN_ARGON2_MEMORY_KIB)
    return [
      'ARGON2_MEMORY_COST',
      `must be at least ${MIN_ARGON2_MEMORY_KIB} (19 MiB) in production`,
    ];
  if (vars.ARGON2_TIME_COST < MIN_ARGON2_PASSES)
    return ['ARGON2_TIME_COST', `must be at least ${MIN_ARGON2_PASSES} in production`];
  return undefined;
}
