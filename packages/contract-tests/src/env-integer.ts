export type Env = Record<string, string | undefined>;

/**
 * An integer setting from the environment, or `fallback` when unset or blank; anything else
 * outside `min`..`max` fails with one line naming the variable. Shared by the suites' search
 * settings (hostile/config.ts, differential/config.ts).
 */
export function integerFrom(
  env: Env,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^-?\d+$/.test(raw) || value < min || value > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}, got "${raw}".`);
  return value;
}
