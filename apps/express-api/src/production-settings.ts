/** The settings that differ between a developer's machine and production. */
export interface DeploymentSettings {
  MAIL_TRANSPORT?: string | undefined;
  DATABASE_URL?: string | undefined;
  PUBLIC_URL?: string | undefined;
  ARGON2_MEMORY_COST: number;
  ARGON2_TIME_COST: number;
}

// OWASP's minimum for Argon2id: 19 MiB of memory and two passes.
const MIN_ARGON2_MEMORY_KIB = 19_456;
const MIN_ARGON2_PASSES = 2;

const isHttps = (url: string | undefined) =>
  url !== undefined && new URL(url).protocol === 'https:';

/**
 * The first setting that is fine for development but not for production, as the variable
 * and what is wrong with it; undefined when there is none.
 */
export function developmentOnlySetting(vars: DeploymentSettings): [string, string] | undefined {
  if (vars.MAIL_TRANSPORT !== 'smtp')
    return ['MAIL_TRANSPORT', 'must be smtp in production: the outbox folder is for development'];
  if (vars.DATABASE_URL === undefined)
    return ['DATABASE_URL', 'is required in production: the embedded database is for development'];
  if (!isHttps(vars.PUBLIC_URL))
    return ['PUBLIC_URL', 'must be an https:// URL in production: it is the base of emailed links'];
  if (vars.ARGON2_MEMORY_COST < MIN_ARGON2_MEMORY_KIB)
    return [
      'ARGON2_MEMORY_COST',
      `must be at least ${MIN_ARGON2_MEMORY_KIB} (19 MiB) in production`,
    ];
  if (vars.ARGON2_TIME_COST < MIN_ARGON2_PASSES)
    return ['ARGON2_TIME_COST', `must be at least ${MIN_ARGON2_PASSES} in production`];
  return undefined;
}
