type Env = Record<string, string | undefined>;

export interface BenchSettings {
  /** Timed seconds per app (`DURATION`). */
  durationSeconds: number;
  /** Untimed seconds per app before the timed run, so both are measured warm (`WARMUP`). */
  warmupSeconds: number;
  /** Concurrent connections, one signed-in user each (`CONNECTIONS`). */
  connections: number;
  /** Passed to the apps as LOG_LEVEL (`APP_LOG_LEVEL`); unset keeps their default, info. */
  appLogLevel: string | undefined;
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

/**
 * Ten connections: on two cores the load generator, the app and PostgreSQL share the CPU,
 * and ten keep the app busy (its pool has ten connections too) without queueing that only
 * inflates latency.
 */
export function loadSettings(env: Env = process.env): BenchSettings {
  return {
    durationSeconds: wholeNumber(env, 'DURATION', 10, 1),
    warmupSeconds: wholeNumber(env, 'WARMUP', 2, 0),
    connections: wholeNumber(env, 'CONNECTIONS', 10, 1),
    appLogLevel: env.APP_LOG_LEVEL === '' ? undefined : env.APP_LOG_LEVEL,
  };
}

/**
 * What an app process inherits from ours: only what Node itself wants. Everything the apps
 * read (ports, database, mail, Argon2 cost, log level) is set by the bench, so a variable
 * left in the shell cannot change what is measured.
 */
export function inheritedEnvironment(env: Env = process.env): Env {
  return { PATH: env.PATH, HOME: env.HOME, TMPDIR: env.TMPDIR };
}
