import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function listFiles(dir: string): string[] {
  // Stryker disable next-line MethodExpression: equivalent where tests run, as libuv returns the names sorted already; Node does not promise it
  const entries = readdirSync(dir).sort();
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * A short hash of every file under the given folders (names and contents). The template
 * database is named after it, so it is rebuilt exactly when a migration changes.
 */
export function fingerprintFiles(...dirs: string[]): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    for (const file of listFiles(dir)) {
      hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 12);
}
