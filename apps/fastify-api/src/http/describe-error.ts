import { DrizzleQueryError } from 'drizzle-orm';

/**
 * An error as the log may show it: name, message and stack, never the query parameters a
 * failed query carries (a password hash, a token hash). Drizzle puts them in its message, so
 * for a failed query the driver's own message stands in, and the stack keeps only its frames.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  // Only the frames: the lines before them repeat the message.
  const frames = error.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  if (error instanceof DrizzleQueryError) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return {
      name: error.name,
      message: cause ?? 'query failed',
      query: error.query,
      stack: frames,
    };
  }
  return { name: error.name, message: error.message, stack: frames };
}
