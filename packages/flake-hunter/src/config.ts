type Env = Record<string, string | undefined>;

export interface HuntSettings {
  /** Rounds of every suite (`ROUNDS`, default 10). */
  rounds: number;
  /** The first round's seed; later rounds derive theirs from it (`SEED`, default random). */
  baseSeed: number;
  /** Only these packages, by name (`PACKAGES=express-api,fastify-api`); default all. */
  packages: string[] | undefined;
}

function wholeNumber(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  }
  return value;
}

export function loadSettings(env: Env = process.env): HuntSettings {
  const packages = env.PACKAGES?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return {
    rounds: wholeNumber(env, 'ROUNDS', 10, 1),
    baseSeed: wholeNumber(env, 'SEED', Math.floor(Math.random() * 1_000_000), 0),
    packages: packages?.length ? packages : undefined,
  };
}
